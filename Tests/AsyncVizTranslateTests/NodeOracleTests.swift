import AsyncVizTranslate
import Foundation
import Testing

/// The differential test against real Node 20: every demo, the regression
/// corpus and N generated programs (ASYNCVIZ_NODE_PROGRAMS, default 400) are
/// translated into one script and run by `node`, one after the other in one
/// process (several processes side by side, see `NodeOracle`). Each outcome
/// is compared with asyncviz's run: printed lines in order exactly, and the
/// end exactly, on the exact clock Node's run keeps (its real end must be
/// within `NodeOracle.earlyUs`/`lateUs` of that clock, else the test fails).
///
/// asyncviz has no node model yet, so the run compared with is the rust
/// model's; the programs where Node's rules (eager async calls, uncancelled
/// race losers, setTimeout's 1 ms floor) give another outcome are listed in
/// NodeExpectedMismatches.txt with the symptom. The list is checked both ways:
/// the test fails if a listed program agrees or an unlisted one disagrees.
/// ASYNCVIZ_NODE_SEED=N runs generated program N alone and prints both sides.
@Suite(.serialized) struct NodeOracleTests {
  static let driver = OracleDriver(
    runtime: "node", testName: "NodeOracleTests", listName: "NodeExpectedMismatches.txt",
    seedVariable: "ASYNCVIZ_NODE_SEED", countVariable: "ASYNCVIZ_NODE_PROGRAMS", defaultCount: 400)

  @Test func realNodeAgreesWithTheModel() async throws {
    let driver = Self.driver
    guard let cases = try driver.casesIfAvailable(unavailableReason: NodeRunner.unavailableReason()) else {
      return
    }
    var oracle = NodeOracle(node: try #require(NodeRunner.findNode()))
    if OracleDriver.recording { oracle.retries = 12 }
    let configured = oracle
    let outcomes = try await OracleLock.exclusive { try configured.run(cases) }
    var expected = ExpectedMismatches.load(from: driver.listFile)
    let replaying = driver.replaying
    var disagreeing: [(String, String)] = []
    var offsets: [Int64] = []
    var ties: [String] = []
    var stillLate: [String] = []
    var keptListed: [(String, String)] = []
    for c in cases {
      let model = ProgramOutcome.model(c.program)
      guard let run = outcomes[c.name] else {
        Issue.record("\(c.name): node printed nothing for it")
        continue
      }
      let real = run.outcome
      if run.late {
        // Still late after the runs alone: this machine was too busy for the order to be Node's.
        // Not compared, but counted (the test fails if too many are).
        // When recording, its run is still the best guess (the late flag is cautious: most late
        // runs print what a punctual one does).
        stillLate.append(c.name)
        expected.reasons.removeValue(forKey: c.name)
        if OracleDriver.recording, !NodeOracle.agrees(model: model, node: run) {
          keptListed.append((c.name, NodeOracle.symptom(model: model, run: run, source: c.source)))
        }
        continue
      }
      if run.tie {
        // Two wakeups due together under Node's own timing: real Node's order is not fixed, so
        // there is nothing to compare (the generator only keeps the rust model's wakeups apart).
        ties.append(c.name)
        if expected.reasons.removeValue(forKey: c.name) != nil {
          Issue.record(
            "\(c.name): its order on Node is not fixed (tie): remove it from NodeExpectedMismatches.txt")
        }
        continue
      }
      if case .finished(let b) = real.end, let ideal = run.idealEndUs {
        // Later than the exact end: less the allowance for its hops and callbacks (not below 0).
        let extra = NodeOracle.lateUs(hops: run.hops, callbacks: run.callbacks) - NodeOracle.lateUs(hops: 0)
        offsets.append(b > ideal ? max(0, b - ideal - extra) : b - ideal)
      }
      if !NodeOracle.realMatchesIdeal(run) {
        Issue.record(
          "\(Self.report(c, model: model, run: run, verdict: "node's real end is not its exact-clock end"))")
      }
      let agrees = NodeOracle.agrees(model: model, node: run)
      if !agrees {
        disagreeing.append((c.name, NodeOracle.symptom(model: model, run: run, source: c.source)))
      }
      let listed = expected.reasons.removeValue(forKey: c.name) != nil
      driver.judge(
        c, agrees: agrees, listed: listed, report: { Self.report(c, model: model, run: run, verdict: $0) },
        nowAgrees: Self.report(
          c, model: model, run: run, verdict: "now agrees: remove it from NodeExpectedMismatches.txt"))
    }
    let compared = cases.count - ties.count - stillLate.count
    print(
      "NodeOracleTests: \(cases.count) programs, \(ties.count) with wakeups too close to order on Node, "
        + "\(ties.filter { !$0.hasPrefix("gen-") }) among them, "
        + "\(stillLate.count) late after retries \(stillLate), \(compared) compared, "
        + "\(disagreeing.count) disagree with node")
    if !replaying && stillLate.count * 10 > cases.count {
      Issue.record(
        "\(stillLate.count) of \(cases.count) programs ran late even alone: the machine is too busy")
    }
    // Node's real end minus its exact-clock end (less the per-hop allowance): the margins left.
    let lateUs = NodeOracle.lateUs(hops: 0)
    let inside = offsets.filter { $0 >= -NodeOracle.earlyUs && $0 <= lateUs }.sorted()
    let outside = offsets.filter { $0 < -NodeOracle.earlyUs || $0 > lateUs }
    print(
      "NodeOracleTests: end offsets (us) in tolerance: min \(inside.first ?? 0), median "
        + "\(inside.isEmpty ? 0 : inside[inside.count / 2]), max \(inside.last ?? 0); nearest outside: "
        + "\(outside.map { $0 < 0 ? -NodeOracle.earlyUs - $0 : $0 - lateUs }.min() ?? 0) beyond")
    try driver.record(
      disagreeing + keptListed, disagreeing: disagreeing.count,
      header: NodeOracle.listHeader)
  }

  static func report(_ c: OracleCase, model: ProgramOutcome, run: NodeRunner.Run, verdict: String) -> String {
    OracleDriver.report(
      c, model: model, real: "\(run.outcome)",
      heading: "node (ended on the exact clock at \(run.idealEndUs.map { "\($0) us" } ?? "-"))",
      verdict: verdict)
  }
}
