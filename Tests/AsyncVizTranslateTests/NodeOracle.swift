import AsyncVizTranslate
import Foundation
import Synchronization

/// Runs the oracle cases on real Node and judges the outcomes.
struct NodeOracle {
  let node: URL
  /// Node processes run side by side, each taking every `processes`-th program. Node waits on
  /// timers almost all the time, so this divides the wall time without loading the CPU much.
  var processes = 4
  /// How many times a late run is run again alone.
  var retries = 4

  /// How far Node's real end time (when main returned) may be from its exact-clock end (the
  /// `ideal` clock its helpers keep, see NodePrelude), in microseconds. Earlier by at most
  /// 2 ms: a timer starts from libuv's loop time, cached at the start of the loop's turn and
  /// truncated to the millisecond (uv__update_time in libuv src/unix/core.c), and the start
  /// is measured later in that turn, so main can return up to 1 ms plus that turn's work
  /// before the delays add up in real time. Later by at most 1.5 ms
  /// per timer in the chain that led to main's return plus 15 ms: each wakeup comes up to a
  /// millisecond late (epoll_wait's timeout is whole milliseconds, rounded up, and the next
  /// timer starts from the late loop time), plus 50 us per callback the program ran (the
  /// exact clock counts no time for them; a thousand timers and their promise reactions
  /// take tens of milliseconds here), plus the time to get the CPU back on this busy 2-core
  /// machine. The exact-clock end is then compared with the model's exactly.
  static let earlyUs: Int64 = 2_000
  static func lateUs(hops: Int, callbacks: Int = 0) -> Int64 {
    15_000 + 1_500 * Int64(hops) + 50 * Int64(callbacks)
  }

  /// Same lines in the same order, and the same end: Node's exact-clock end equals the
  /// model's virtual end, or both never finished.
  static func agrees(model: ProgramOutcome, node: NodeRunner.Run) -> Bool {
    guard model.lines == node.outcome.lines else { return false }
    if case .finished(let a) = model.end, case .finished = node.outcome.end { return node.idealEndUs == a }
    return model.end == node.outcome.end
  }

  /// The real end is within the tolerance of the exact-clock end (the check that the exact
  /// clock is Node's), or neither finished.
  static func realMatchesIdeal(_ node: NodeRunner.Run) -> Bool {
    guard case .finished(let real) = node.outcome.end else { return node.idealEndUs == nil }
    guard let ideal = node.idealEndUs else { return false }
    return real >= ideal - earlyUs && real <= ideal + lateUs(hops: node.hops, callbacks: node.callbacks)
  }

  /// Runs every case. One that ran late (a callback after one due later than it, so the
  /// order was the machine's, not Node's) or whose real end is out of the tolerance of its
  /// exact-clock end is run again alone, up to `retries` times: a busy machine delays real time, a real
  /// difference shows every time.
  func run(_ cases: [OracleCase]) throws -> [String: NodeRunner.Run] {
    let runner = NodeRunner(directory: OracleDriver.buildFolder("node-oracle"), node: node)
    let translator = NodeTranslator()
    try runner.write(cases.map { ($0.name, try translator.items($0.shape)) })
    let started = ContinuousClock.now
    let names = cases.map(\.name)
    let count = max(1, min(processes, names.count))
    let results = Mutex<[Result<[String: NodeRunner.Run], any Error>]>([])
    // Threads of their own, not libdispatch's pool: a thread waiting for node would hold a
    // pool thread, and the tests running alongside (the epoll signal test's sender) need them.
    let finished = DispatchSemaphore(value: 0)
    for slice in 0..<count {
      let mine = names.indices.filter { $0 % count == slice }.map { names[$0] }
      Thread.detachNewThread {
        let result = Result { try runner.run(mine) }
        results.withLock { $0.append(result) }
        finished.signal()
      }
    }
    for _ in 0..<count { finished.wait() }
    var outcomes: [String: NodeRunner.Run] = [:]
    for result in results.withLock({ $0 }) {
      for (name, outcome) in try result.get() { outcomes[name] = outcome }
    }
    var again = 0
    for _ in 0..<retries {
      let late = cases.filter { c in
        // A late run's exact clock followed the machine's order, so its tie flag is not
        // trusted either: run it again.
        guard let real = outcomes[c.name] else { return false }
        return real.late || (!real.tie && !Self.realMatchesIdeal(real))
      }
      if late.isEmpty { break }
      again += late.count
      for (name, outcome) in try runner.run(late.map(\.name)) { outcomes[name] = outcome }
    }
    print(
      "NodeOracleTests: \(cases.count) programs in \(count) node processes: \(ContinuousClock.now - started)"
        + " (\(again) runs again alone)")
    return outcomes
  }

  /// What a disagreement looks like, and the Node rules the program meets (from its source).
  static func symptom(model: ProgramOutcome, run: NodeRunner.Run, source: String) -> String {
    var node = run.outcome
    if case .finished = node.end, let ideal = run.idealEndUs { node.end = .finished(us: ideal) }
    var symptom: String
    switch (model.end, node.end) {
    case (.stuck, .finished): symptom = "stuck in asyncviz, finished in node"
    case (.finished, .stuck): symptom = "finished in asyncviz, node's loop ran dry before main returned"
    case (_, .failed(let why)): symptom = "node \(why)"
    default:
      if model.lines == node.lines {
        symptom = "same lines, different end"
      } else if model.lines.sorted() == node.lines.sorted() {
        symptom = "same lines in another order"
      } else if node.lines.count > model.lines.count {
        symptom = "node printed more lines"
      } else {
        symptom = "different lines"
      }
    }
    if case .finished(let a) = model.end, case .finished(let b) = node.end {
      symptom += b < a ? ", node ends earlier" : b > a ? ", node ends later" : ""
    }
    var rules: [String] = []
    if source.contains("let ") && source.contains("(") { rules.append("an async call runs at once") }
    if source.contains("select(") || source.contains("timeout(") { rules.append("race losers run on") }
    if source.contains("sleep(0ms)") { rules.append("setTimeout waits at least 1 ms") }
    if source.contains("yield_now()") { rules.append("setImmediate waits for the check phase") }
    return rules.isEmpty ? symptom : "\(symptom) - rules: \(rules.joined(separator: ", "))"
  }
}
