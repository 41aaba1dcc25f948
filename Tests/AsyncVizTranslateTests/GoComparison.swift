import AsyncVizLang
import AsyncVizTrace
import AsyncVizTranslate

/// How the Go oracle compares a real Go run with asyncviz's: the lines in the
/// same order, except wakeups that real time cannot order. Go runs on the
/// real clock and each timer fires up to about a millisecond late (Go 1.19's
/// netpoller sleeps in whole milliseconds), more along a chain of waits, so
/// two lines the model prints less than `windowUs` apart in virtual time,
/// at *different* times, may come out in either order: within such a cluster
/// the lines are compared as a multiset. Lines printed at the same virtual
/// time keep their order (that order is the scheduler's: runnext, the run
/// queues, which real Go fixes), and so do lines `windowUs` or more apart,
/// except at a *same-moment wakeup* (`tieTimes`): two timers armed at
/// different moments that come due at the same virtual time. Each reached
/// that moment along its own chain of real waits, each late by its own
/// amount, so which fires first in real Go is the machine's choice, not the
/// scheduler's: that moment's lines are compared as a multiset too. (Two
/// timers armed at the same moment with the same delay keep their order: their
/// real `when`s are microseconds apart, in the order they were armed, and one
/// `checkTimers` finds both due, readying the last into runnext.)
struct GoComparison {
  /// Lines closer than this in the model's time are "the same moment" to real Go.
  static let windowUs: Int64 = 5_000

  /// The model's outcome and the virtual time of each printed line.
  let model: ProgramOutcome
  let times: [Int64]
  /// The virtual times of same-moment wakeups in the model's run.
  let tieTimes: Set<Int64>

  /// A comparison with a given model side (for tests of the comparison itself).
  init(model: ProgramOutcome, times: [Int64], tieTimes: Set<Int64> = []) {
    self.model = model
    self.times = times
    self.tieTimes = tieTimes
  }

  init(_ program: CompiledProgram) {
    let run = ProgramOutcome.goRun(program)
    model = run.outcome
    times = run.trace.events.compactMap { e -> Int64? in
      if case .output = e.payload { return e.tUs }
      return nil
    }
    tieTimes = Self.sameMomentWakeups(in: run.trace)
  }

  /// The times at which timers due at the same time, armed at different
  /// times, fired.
  static func sameMomentWakeups(in trace: Trace) -> Set<Int64> {
    var armed: [TaskID: [(deadline: Int64, at: Int64)]] = [:]
    var firedAt: [Int64: [Int64: Set<Int64>]] = [:]
    for e in trace.events {
      switch e.payload {
      case .timerSet(let task, let deadline, _):
        armed[task, default: []].append((deadline, e.tUs))
      case .timerFire(let task):
        guard let i = armed[task]?.firstIndex(where: { $0.deadline == e.tUs }) ?? armed[task]?.indices.first,
          let timer = armed[task]?.remove(at: i)
        else { continue }
        firedAt[e.tUs, default: [:]][timer.deadline, default: []].insert(timer.at)
      default: break
      }
    }
    return Set(firedAt.filter { $0.value.values.contains { $0.count > 1 } }.keys)
  }

  /// Whether the run has a same-moment wakeup.
  var hasTie: Bool { !tieTimes.isEmpty }

  /// How much later than the model's virtual end real Go may end: 40 ms and
  /// a fifth of the run. Real time only adds: each wait ends up to ~1 ms late
  /// on a quiet machine (median 1 ms over a whole run, at most 17 ms), and the
  /// lateness adds up along a chain of waits, so it grows with the run; inside
  /// the full test suite (a cargo build alongside) the 120 ms channel-pipeline
  /// demo, six waits in a row, ended 33 ms late. A rule difference in the end
  /// time alone is larger than this (a 100 ms block) or makes Go end sooner.
  var slackUs: Int64 {
    if case .finished(let us) = model.end { return 40_000 + us / 5 }
    return 0
  }

  /// True if `go` agrees with the model: the lines (near-moment clusters as
  /// multisets) and the end, never earlier and at most `slackUs` later. A line
  /// another goroutine prints less than `windowUs` before main returns may be
  /// missing: in Go main's return ends the process, and which comes first
  /// is the same near-moment race.
  func agrees(with go: ProgramOutcome) -> Bool {
    guard go.lines.count <= model.lines.count, times.count == model.lines.count else { return false }
    var endUs = Int64.max
    switch (model.end, go.end) {
    case (.finished(let a), .finished(let b)):
      if b < a || b - a > slackUs { return false }
      endUs = a
    default:
      if model.end != go.end { return false }
    }
    var start = 0
    while start < times.count {
      var end = start + 1
      while end < times.count && times[end] - times[end - 1] < Self.windowUs { end += 1 }
      let last = end == times.count
      if !last && go.lines.count < end { return false }
      let theirs = Array(go.lines[min(start, go.lines.count)..<(last ? go.lines.count : end)])
      let optional =
        last ? range(start..<end).filter { times[$0] < endUs && endUs - times[$0] < Self.windowUs } : []
      if !clusterAgrees(start..<end, theirs, optional: optional) { return false }
      start = end
    }
    return true
  }

  private func range(_ r: Range<Int>) -> [Int] { Array(r) }

  /// The model's lines in `range` against Go's `theirs`: equal, or the same
  /// multiset less some of the `optional` lines, each moment's lines in order.
  private func clusterAgrees(_ range: Range<Int>, _ theirs: [String], optional: [Int]) -> Bool {
    let mine = Array(model.lines[range])
    if mine == theirs { return true }
    var missing: [String: Int] = [:]
    for line in mine { missing[line, default: 0] += 1 }
    for line in theirs {
      guard let n = missing[line], n > 0 else { return false }
      missing[line] = n - 1
    }
    var droppable: [String: Int] = [:]
    for i in optional { droppable[model.lines[i], default: 0] += 1 }
    for (line, n) in missing where n > (droppable[line] ?? 0) { return false }
    // Lines of one moment keep their order among themselves.
    for t in Set(times[range]) where !tieTimes.contains(t) {
      let moment = range.filter { times[$0] == t }.map { model.lines[$0] }
      let texts = Set(moment)
      if texts.count != moment.count { continue }
      let seen = theirs.filter { texts.contains($0) }
      if seen != moment.filter({ seen.contains($0) }) { return false }
    }
    return true
  }
}
