import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Foundation
import Testing

// The fuzzer's regression corpus (Tests/AsyncVizLangTests/FuzzCorpus, see
// docs/development.md): inputs it found interesting, plus hostile programs
// that once hung or grew without bound. Each must compile to a diagnostic
// whose position is inside the file, or run to an end, twice, with
// byte-identical traces; a crash fails the whole test run.

/// The fuzzer's own limits (Fuzz/FuzzEntry.swift): small, so every input
/// runs in milliseconds; the code paths are those of the defaults.
let fuzzOptions = RuntimeOptions(maxSteps: 400, maxTasks: 64)
let fuzzLimits = Limits(
  instructionsPerPoll: 2_000, instructionsPerRun: 20_000, textBytesPerRun: 64 * 1024, outputLinesPerRun: 200)

/// The corpus folder, next to this file.
let corpusFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
  "FuzzCorpus")

/// Every corpus file's name, sorted.
let corpusNames: [String] =
  ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder.path)) ?? []).filter {
    $0.hasSuffix(".av")
  }.sorted()

func corpusBytes(_ name: String) throws -> [UInt8] {
  [UInt8](try Data(contentsOf: corpusFolder.appendingPathComponent(name)))
}

@Test func theCorpusIsThere() {
  #expect(corpusNames.count >= 30, "\(corpusFolder.path)")
  #expect(corpusNames.filter { $0.hasPrefix("hostile-") }.count >= 8)
}

@Test(arguments: corpusNames)
func aFuzzRegressionInputGivesADiagnosticOrADeterministicRun(name: String) throws {
  let bytes = try corpusBytes(name)
  let program: CompiledProgram
  do {
    program = try CompiledProgram.compile(try SourceFile(name: "fuzz.av", bytes: bytes))
  } catch {
    var text = String(decoding: bytes, as: UTF8.self)
    if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }  // a byte order mark
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    #expect(error.line >= 1 && error.line <= lines.count, "line \(error.line) of \(lines.count)")
    #expect(error.column >= 1 && error.column <= error.sourceLine.unicodeScalars.count + 1)
    if error.line <= lines.count { #expect(error.sourceLine == String(lines[error.line - 1])) }
    #expect(error.rendered.hasPrefix("fuzz.av:\(error.line):\(error.column): error: "))
    return
  }
  let (firstEnd, first) = encodedRun(program, fuzzOptions, fuzzLimits)
  let (secondEnd, second) = encodedRun(program, fuzzOptions, fuzzLimits)
  #expect(firstEnd == secondEnd)
  #expect(firstEnd.steps <= fuzzOptions.maxSteps)
  #expect(first == second, "two runs of \(name) gave different traces")
}

/// What each hostile program must print with the default limits: the limit
/// that stops it, each within a bounded amount of work.
let hostileExpectations: [(name: String, printed: String, reason: EndReason)] = [
  ("hostile-binary-recursion.av", "futures nest more than 100 deep inside one poll", .error),
  ("hostile-list-doubling.av", "this list would hold more than 10000 values", .error),
  ("hostile-nested-busy-loops.av", "this poll ran 1000000 instructions", .error),
  ("hostile-print-storm.av", "the run has printed 100000 lines, its limit", .error),
  ("hostile-recursive-type.av", "futures nest more than 100 deep inside one poll", .error),
  ("hostile-spawn-bomb.av", "spawn refused: 250000 tasks are alive", .error),
  ("hostile-spawned-join-root.av", "this poll ran 1000000 instructions", .error),
  ("hostile-string-doubling.av", "this text would be more than 10000 bytes long", .error),
]

@Test(arguments: hostileExpectations.map(\.name))
func aHostileProgramIsStoppedByItsLimitWithTheDefaults(name: String) throws {
  let expected = try #require(hostileExpectations.first { $0.name == name })
  let text = String(decoding: try corpusBytes(name), as: UTF8.self)
  let (runtime, end) = runSim(try compile(text, name: name))
  #expect(end.reason == expected.reason)
  let errors = runtime.trace.printedText.filter { $0.hasPrefix("error: ") }
  #expect(errors.contains { $0.contains(expected.printed) }, "\(errors.prefix(3))")
  #expect(errors.count <= 101)
}

@Test func longSimilarNamesGetNoSuggestionInsteadOfASlowSearch() throws {
  let text = String(decoding: try corpusBytes("hostile-long-names.av"), as: UTF8.self)
  let d = try #require(diagnostic(text))
  #expect(d.line == 4 && d.column == 11)
  #expect(!d.message.contains("did you mean"))
  // Short names still get one.
  #expect(
    diagnostic("async fn main() {\n    let rows = 1\n    print(rowz)\n}\n")?.message.contains("rows") == true)
}
