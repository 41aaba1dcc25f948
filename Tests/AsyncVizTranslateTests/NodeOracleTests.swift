import AsyncVizTranslate
import Foundation
import Testing

/// The differential test against real Node 20: every demo, the regression
/// corpus and N generated programs (ASYNCVIZ_NODE_PROGRAMS, default 400) are
/// translated into one script and run by `node`, one after the other in one
/// process (several processes side by side, see `NodeOracle`). Each outcome
/// is compared with asyncviz's node model: printed lines in order exactly,
/// and the end exactly, on the exact clock Node's run keeps (its real end
/// must be within `NodeOracle.earlyUs`/`lateUs` of that clock, else the test
/// fails). There is no expected-mismatch list: every compared program must
/// agree. Programs whose order real Node does not fix (a tie: two wakeups
/// due at the same instant, see NodePrelude's `ideal`) are not compared.
/// ASYNCVIZ_NODE_SEED=N runs generated program N alone and prints both sides.
@Suite(.serialized) struct NodeOracleTests {
  static let driver = OracleDriver(
    runtime: "node", testName: "NodeOracleTests", listName: "none: every program must agree",
    seedVariable: "ASYNCVIZ_NODE_SEED", countVariable: "ASYNCVIZ_NODE_PROGRAMS", defaultCount: 400,
    unavailableReason: NodeRunner.unavailableReason)

  @Test func realNodeAgreesWithTheNodeModel() async throws {
    let driver = Self.driver
    guard let cases = try driver.casesIfAvailable() else { return }
    let oracle = NodeOracle(node: try #require(NodeRunner.findNode()))
    let outcomes = try await OracleLock.exclusive { try oracle.run(cases) }
    var disagreeing: [String] = []
    var offsets: [Int64] = []
    var ties: [String] = []
    var tiesAgreeing = 0
    var stillLate: [String] = []
    for c in cases {
      let model = ProgramOutcome.model(c.program, model: .node)
      guard let run = outcomes[c.name] else {
        Issue.record("\(c.name): node printed nothing for it")
        continue
      }
      if run.late {
        // Still late after the runs alone: this machine was too busy for the order to be Node's.
        // Not compared, but counted (the test fails if too many are).
        stillLate.append(c.name)
        continue
      }
      if run.tie {
        // Two wakeups due together under Node's own timing: real Node's order is not fixed, so
        // there is nothing to compare. Counted, with how many agree anyway.
        ties.append(c.name)
        if NodeOracle.agrees(model: model, node: run) { tiesAgreeing += 1 }
        continue
      }
      if case .finished(let b) = run.outcome.end, let ideal = run.idealEndUs {
        // Later than the exact end: less the allowance for its hops and callbacks (not below 0).
        let extra = NodeOracle.lateUs(hops: run.hops, callbacks: run.callbacks) - NodeOracle.lateUs(hops: 0)
        offsets.append(b > ideal ? max(0, b - ideal - extra) : b - ideal)
      }
      if !NodeOracle.realMatchesIdeal(run) {
        Issue.record(
          "\(Self.report(c, model: model, run: run, verdict: "node's real end is not its exact-clock end"))")
      }
      let agrees = NodeOracle.agrees(model: model, node: run)
      if !agrees { disagreeing.append(c.name) }
      driver.judge(
        c, agrees: agrees, listed: false,
        report: {
          Self.report(
            c, model: model, run: run,
            verdict: "\($0): \(NodeOracle.symptom(model: model, run: run, source: c.source))")
        })
    }
    let compared = cases.count - ties.count - stillLate.count
    print(
      "NodeOracleTests: \(cases.count) programs, \(ties.count) with wakeups too close to order on Node "
        + "(\(tiesAgreeing) of them agree anyway), \(ties.filter { !$0.hasPrefix("gen-") }) among them, "
        + "\(stillLate.count) late after retries \(stillLate), \(compared) compared, "
        + "\(disagreeing.count) disagree with the node model")
    if !driver.replaying && stillLate.count * 10 > cases.count {
      Issue.record(
        "\(stillLate.count) of \(cases.count) programs ran late even alone: the machine is too busy")
    }
    if !driver.replaying && cases.count >= 300 && compared < 300 {
      Issue.record("only \(compared) programs could be compared; at least 300 must be")
    }
    // Node's real end minus its exact-clock end (less the per-hop allowance): the margins left.
    let lateUs = NodeOracle.lateUs(hops: 0)
    let inside = offsets.filter { $0 >= -NodeOracle.earlyUs && $0 <= lateUs }.sorted()
    let outside = offsets.filter { $0 < -NodeOracle.earlyUs || $0 > lateUs }
    print(
      "NodeOracleTests: end offsets (us) in tolerance: min \(inside.first ?? 0), median "
        + "\(inside.isEmpty ? 0 : inside[inside.count / 2]), max \(inside.last ?? 0); nearest outside: "
        + "\(outside.map { $0 < 0 ? -NodeOracle.earlyUs - $0 : $0 - lateUs }.min() ?? 0) beyond")
  }

  static func report(_ c: OracleCase, model: ProgramOutcome, run: NodeRunner.Run, verdict: String) -> String {
    OracleDriver.report(
      c, model: model, real: "\(run.outcome)",
      heading: "node (ended on the exact clock at \(run.idealEndUs.map { "\($0) us" } ?? "-"))",
      verdict: verdict, modelName: "node")
  }
}
