import AsyncVizTranslate
import Foundation
import Testing

/// What the three differential tests (tokio, Node, Go) do alike: skip (or
/// fail under CI) when the runtime is missing, pick the programs of a run,
/// judge each program against its expected-mismatch list, and print a report
/// of both sides. Each test keeps its own runtime's rules: how it runs the
/// programs and how it compares them.
struct OracleDriver {
  static let environment = ProcessInfo.processInfo.environment

  /// The runtime's name in messages ("tokio", "node", "Go").
  let runtime: String
  /// The test's name, put before what it prints.
  let testName: String
  /// The expected-mismatch list's file name, beside the tests.
  let listName: String
  /// The variable that replays one generated program: the tokio and Go
  /// oracles share ASYNCVIZ_ORACLE_SEED (node has ASYNCVIZ_NODE_SEED).
  var seedVariable = "ASYNCVIZ_ORACLE_SEED"
  /// The variable that sets how many generated programs run, and its default.
  let countVariable: String
  let defaultCount: Int
  /// Why the runtime cannot run here (nil when it can).
  let unavailableReason: @Sendable () -> String?

  /// The expected-mismatch list.
  var listFile: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(listName)
  }

  /// Whether ASYNCVIZ_RECORD=1 asks to rewrite the list.
  static var recording: Bool { environment["ASYNCVIZ_RECORD"] == "1" }

  /// Whether one generated program is being replayed.
  var replaying: Bool { Self.environment[seedVariable] != nil }

  /// The programs of this run (see `cases()`), or nil, after printing why,
  /// when the runtime cannot run here (under CI=true that fails the test).
  func casesIfAvailable() throws -> [OracleCase]? {
    guard let reason = unavailableReason() else { return try cases() }
    if Self.environment["CI"] == "true" {
      Issue.record("the \(runtime) oracle cannot run in CI: \(reason)")
    } else {
      print("\(testName) skipped: \(reason)")
    }
    return nil
  }

  /// The programs of this run: the replayed seed alone, or every demo, the
  /// regressions and `countVariable` (default `defaultCount`) generated programs.
  func cases() throws -> [OracleCase] {
    if let seed = Self.environment[seedVariable].flatMap(UInt64.init) {
      return try OracleCase.generated([seed], seedVariable: seedVariable)
    }
    let count = Self.environment[countVariable].flatMap(Int.init) ?? defaultCount
    return try OracleCase.demos() + OracleCase.regressions()
      + OracleCase.generated((0..<UInt64(max(0, count))).map { $0 + 1 }, seedVariable: seedVariable)
  }

  /// Compares each case's model outcome with the real one (by `agrees`, given
  /// the case's index), judges it against `expected` (taking it off the
  /// list) and returns the disagreeing programs with their symptoms.
  func compare(
    _ cases: [OracleCase], models: [ProgramOutcome], outcomes: [String: ProgramOutcome],
    expected: inout ExpectedMismatches, heading: String, agrees: (Int, ProgramOutcome) -> Bool,
    symptom: (OracleCase, ProgramOutcome, ProgramOutcome) -> String
  ) -> [(String, String)] {
    var disagreeing: [(String, String)] = []
    for (i, (c, model)) in zip(cases, models).enumerated() {
      guard let real = outcomes[c.name] else {
        Issue.record("\(c.name): the \(runtime) oracle printed nothing for it")
        continue
      }
      let agrees = agrees(i, real)
      if !agrees { disagreeing.append((c.name, symptom(c, model, real))) }
      let listed = expected.reasons.removeValue(forKey: c.name) != nil
      judge(c, agrees: agrees, listed: listed) {
        Self.report(c, model: model, real: "\(real)", heading: heading, verdict: $0)
      }
    }
    return disagreeing
  }

  /// Checks one program's verdict against the list (both ways), printing both
  /// sides when replaying; `report` writes both sides under a verdict.
  func judge(
    _ c: OracleCase, agrees: Bool, listed: Bool, report: (String) -> String,
    nowAgrees: @autoclosure () -> String? = nil
  ) {
    if replaying { print(report(agrees ? "agree" : "DISAGREE")) }
    if Self.recording || replaying { return }
    if !agrees && !listed {
      Issue.record("\(report("asyncviz and \(runtime) disagree"))")
    } else if agrees && listed {
      Issue.record("\(nowAgrees() ?? "\(c.name) now agrees with \(runtime): remove it from \(listName)")")
    }
  }

  /// Under ASYNCVIZ_RECORD=1, rewrites the list with the disagreeing programs and fails the run.
  func record(_ entries: [(String, String)], disagreeing: Int, header: String) throws {
    guard Self.recording else { return }
    try ExpectedMismatches.record(entries, to: listFile, header: header)
    Issue.record("ASYNCVIZ_RECORD=1: rewrote \(listName) (\(disagreeing) cases)")
  }

  /// Both sides of one program under a verdict.
  static func report(
    _ c: OracleCase, model: ProgramOutcome, real: String, heading: String, verdict: String,
    modelName: String = "rust"
  ) -> String {
    """
    \(c.name) (\(c.origin)): \(verdict)
    --- source
    \(c.source)
    --- asyncviz (\(modelName) model, sim)
    \(model)
    --- \(heading)
    \(real)
    """
  }

  /// A git-ignored folder under the package's .build, kept between runs.
  static func buildFolder(_ name: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/" + name)
  }
}
