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
  static let environment = ProcessInfo.processInfo.environment

  @Test func realTokioAgreesWithTheModel() throws {
    if let reason = TokioRunner.unavailableReason() {
      if Self.environment["CI"] == "true" {
        Issue.record("the tokio oracle cannot run in CI: \(reason)")
      } else {
        print("TokioOracleTests skipped: \(reason)")
      }
      return
    }
    let cases = try Self.cases()
    let outcomes = try OracleLock.lock.withLock { try Self.runOnTokio(cases) }
    var expected = ExpectedMismatches.load()
    let replaying = Self.environment["ASYNCVIZ_ORACLE_SEED"] != nil
    var disagreeing: [(String, String)] = []
    for c in cases {
      let model = ProgramOutcome.model(c.program)
      guard let tokio = outcomes[c.name] else {
        Issue.record("\(c.name): the oracle printed nothing for it")
        continue
      }
      let agrees = model.agrees(with: tokio, slackUs: c.slackUs)
      if !agrees {
        disagreeing.append((c.name, MismatchSymptom.describe(model: model, tokio: tokio, source: c.source)))
      }
      let listed = expected.reasons.removeValue(forKey: c.name) != nil
      if replaying {
        print(Self.report(c, model: model, tokio: tokio, verdict: agrees ? "agree" : "DISAGREE"))
      }
      if Self.environment["ASYNCVIZ_RECORD"] == "1" || replaying { continue }
      if !agrees && !listed {
        Issue.record("\(Self.report(c, model: model, tokio: tokio, verdict: "asyncviz and tokio disagree"))")
      } else if agrees && listed {
        Issue.record("\(c.name) now agrees with tokio: remove it from ExpectedMismatches.txt")
      }
    }
    print("TokioOracleTests: \(cases.count) programs, \(disagreeing.count) disagree with tokio")
    if Self.environment["ASYNCVIZ_RECORD"] == "1" {
      try ExpectedMismatches.record(disagreeing)
      Issue.record("ASYNCVIZ_RECORD=1: rewrote ExpectedMismatches.txt (\(disagreeing.count) cases)")
    }
  }

  /// The programs of this run.
  static func cases() throws -> [OracleCase] {
    if let seed = environment["ASYNCVIZ_ORACLE_SEED"].flatMap(UInt64.init) {
      return try OracleCase.generated([seed])
    }
    let count = environment["ASYNCVIZ_ORACLE_PROGRAMS"].flatMap(Int.init) ?? 500
    return try OracleCase.demos() + OracleCase.regressions()
      + OracleCase.generated((0..<UInt64(max(0, count))).map { $0 + 1 })
  }

  /// Writes, builds and runs the cargo project in .build/tokio-oracle (git-ignored, kept between runs so
  /// cargo only recompiles the programs).
  static func runOnTokio(_ cases: [OracleCase]) throws -> [String: ProgramOutcome] {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let directory = packageRoot.appendingPathComponent(".build/tokio-oracle")
    let project = TokioProject(directory: directory)
    let translator = RustTranslator()
    try project.write(
      cases.map { c in
        TokioProject.Entry(
          name: c.name, items: try translator.items(c.shape), realClock: c.shape.usesRealClock)
      })
    let cargo = try #require(TokioRunner.findCargo())
    let runner = TokioRunner(project: project, cargo: cargo)
    let started = ContinuousClock.now
    try runner.build()
    let built = ContinuousClock.now
    var outcomes = try runner.run(cases.map(\.name))
    // A real-clock run can be late because this 2-core machine was busy (the
    // other tests run alongside): one that disagrees is run once more, alone.
    // A systematic difference disagrees both times.
    let late = cases.filter { c in
      c.shape.usesRealClock
        && outcomes[c.name].map { !ProgramOutcome.model(c.program).agrees(with: $0, slackUs: c.slackUs) }
          ?? false
    }
    if !late.isEmpty {
      for (name, outcome) in try runner.run(late.map(\.name)) { outcomes[name] = outcome }
    }
    print(
      "TokioOracleTests: cargo build \(built - started), running \(cases.count) programs \(ContinuousClock.now - built)"
    )
    return outcomes
  }

  static func report(_ c: OracleCase, model: ProgramOutcome, tokio: ProgramOutcome, verdict: String) -> String
  {
    """
    \(c.name) (\(c.origin)): \(verdict)
    --- source
    \(c.source)
    --- asyncviz (rust model, sim)
    \(model)
    --- tokio
    \(tokio)
    """
  }
}
