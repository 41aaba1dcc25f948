import AsyncVizTranslate
import Foundation
import Testing

/// The differential test: every demo, the regression corpus and N generated
/// programs (ASYNCVIZ_ORACLE_PROGRAMS, default 500) are translated into one
/// cargo project, run on real tokio (current_thread, paused clock), and
/// compared with asyncviz's own run: printed lines in order and the end time
/// must be equal. ASYNCVIZ_ORACLE_SEED=N runs the generated program N alone
/// and prints its source and translation. Needs cargo and Debian's
/// librust-tokio-dev; without them the test is skipped, except under CI=true.
@Suite(.serialized) struct TokioOracleTests {
  static let driver = OracleDriver(
    runtime: "tokio", testName: "TokioOracleTests", listName: "ExpectedMismatches.txt",
    countVariable: "ASYNCVIZ_ORACLE_PROGRAMS", defaultCount: 500,
    unavailableReason: { TokioRunner.unavailableReason() })

  @Test func realTokioAgreesWithTheModel() async throws {
    let driver = Self.driver
    guard let cases = try driver.casesIfAvailable() else { return }
    // The model's side of each case, run once: the reruns of a late program compare with it too.
    let models = cases.map { ProgramOutcome.model($0.program) }
    let outcomes = try await OracleLock.exclusive { try Self.runOnTokio(cases, models) }
    var expected = ExpectedMismatches.load(from: driver.listFile)
    let disagreeing = driver.compare(
      cases, models: models, outcomes: outcomes, expected: &expected, heading: "tokio",
      agrees: { models[$0].agrees(with: $1, slackUs: cases[$0].slackUs) },
      symptom: { c, model, tokio in MismatchSymptom.describe(model: model, tokio: tokio, source: c.source) })
    print("TokioOracleTests: \(cases.count) programs, \(disagreeing.count) disagree with tokio")
    try driver.record(disagreeing, disagreeing: disagreeing.count, header: ExpectedMismatches.header)
  }

  /// Writes, builds and runs the cargo project in .build/tokio-oracle (git-ignored, kept between runs so
  /// cargo only recompiles the programs).
  static func runOnTokio(_ cases: [OracleCase], _ models: [ProgramOutcome]) throws -> [String: ProgramOutcome]
  {
    let project = TokioProject(directory: OracleDriver.buildFolder("tokio-oracle"))
    try project.write(cases.map { ($0.name, $0.shape) })
    let cargo = try #require(TokioRunner.findCargo())
    let runner = TokioRunner(project: project, cargo: cargo)
    let started = ContinuousClock.now
    try runner.build()
    let built = ContinuousClock.now
    var outcomes = try runner.run(cases.map(\.name))
    // A real-clock run can be late because this 2-core machine was busy (the
    // other tests run alongside): one that disagrees is run once more, alone.
    // A systematic difference disagrees both times.
    let late = zip(cases, models).filter { c, model in
      c.shape.usesRealClock && outcomes[c.name].map { !model.agrees(with: $0, slackUs: c.slackUs) } ?? false
    }
    if !late.isEmpty {
      for (name, outcome) in try runner.run(late.map(\.0.name)) { outcomes[name] = outcome }
    }
    print(
      "TokioOracleTests: cargo build \(built - started), running \(cases.count) programs \(ContinuousClock.now - built)"
    )
    return outcomes
  }
}
