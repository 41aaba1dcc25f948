import Foundation
import Testing

/// One class of bad program as a user meets it: the file,
/// and where and what the binary must report.
struct BadProgram: CustomTestStringConvertible, Sendable {
  /// What the case is about.
  let name: String
  /// The file's bytes.
  let bytes: [UInt8]
  /// The expected 1-based line.
  let line: Int
  /// The expected 1-based column, in Unicode scalars (a tab is one).
  let column: Int
  /// Words the message must contain.
  let message: String

  init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String) {
    self.init(name, bytes: Array(text.utf8), line, column, message)
  }

  init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ message: String) {
    self.name = name
    self.bytes = bytes
    self.line = line
    self.column = column
    self.message = message
  }

  var testDescription: String { name }
}

let badPrograms: [BadProgram] = [
  BadProgram(
    "unknown name", "async fn main() {\n    let rows = 1\n    print(rowz)\n}\n", 3, 11,
    "unknown name `rowz`; did you mean `rows`?"),
  BadProgram(
    "unknown function", "async fn handler() {\n}\nasync fn main() {\n    await handlr()\n}\n", 4, 11,
    "unknown function `handlr`; did you mean `handler`?"),
  BadProgram(
    "wrong number of arguments to a built-in", "async fn main() {\n    await sleep(5ms, 6ms)\n}\n", 2, 11,
    "`sleep` takes 1 argument"),
  BadProgram(
    "wrong number of arguments to an async fn",
    "async fn handler(id) {\n}\nasync fn main() {\n    await handler(1, 2)\n}\n", 4, 11, "takes 1 argument"),
  BadProgram("await of an integer", "async fn main() {\n    await 5\n}\n", 2, 11, "cannot await an integer"),
  BadProgram(
    "await of a plain call", "async fn main() {\n    await print(\"x\")\n}\n", 2, 11, "cannot await"),
  BadProgram(
    "spawn of a name", "async fn f() {\n}\nasync fn main() {\n    let h = spawn f\n}\n", 4, 19,
    "spawn needs a call"),
  BadProgram("spawn of a number", "async fn main() {\n    spawn 5\n}\n", 2, 11, "spawn needs a call"),
  BadProgram(
    "unknown channel method", "channel jobs capacity 2\nasync fn main() {\n    await jobs.push(1)\n}\n", 3,
    16,
    "channel `jobs` has no operation `push`"),
  BadProgram(
    "duplicate async fn", "async fn main() {\n}\nasync fn main() {\n}\n", 3, 10,
    "duplicate definition: `main` is already an async fn (line 1)"),
  BadProgram(
    "duplicate resource", "resource db latency 1ms\nresource db latency 2ms\nasync fn main() {\n}\n", 2, 10,
    "duplicate definition"),
  BadProgram("no main", "async fn helper() {\n}\n", 3, 1, "no `async fn main()`"),
  BadProgram(
    "resource without latency", "resource db\nasync fn main() {\n}\n", 1, 10,
    "resource `db` has no latency"),
  BadProgram(
    "negative duration", "async fn main() {\n    await sleep(-5ms)\n}\n", 2, 17, "cannot be negative"),
  BadProgram("absurd duration", "async fn main() {\n    await sleep(7200s)\n}\n", 2, 17, "at most 1 hour"),
  BadProgram(
    "absurd latency", "resource db latency 100000000s\nasync fn main() {\n}\n", 1, 21, "at most 1 hour"),
  BadProgram(
    "unknown duration unit", "async fn main() {\n    await sleep(5min)\n}\n", 2, 17,
    "unknown duration unit `min`"),
  BadProgram(
    "unterminated string", "async fn main() {\n    print(\"hi)\n}\n", 2, 11, "unterminated string"),
  BadProgram(
    "unterminated block", "async fn main() {\n    print(\"hi\")\n", 1, 17,
    "unterminated block: this `{` is never closed"),
  BadProgram(
    "invalid UTF-8", bytes: Array("async fn main() {\n    print(\"h".utf8) + [0xFF] + Array("i\")\n}\n".utf8),
    2, 13,
    "invalid UTF-8 (byte 0xFF)"),
  BadProgram(
    "tabs before the error", "async fn main() {\n\tlet x = 1\n\t\tprint(y)\n}\n", 3, 9,
    "unknown name `y`; did you mean `x`?"),
  BadProgram(
    "CRLF line endings", "async fn main() {\r\n    let x = 1\r\n    print(y)\r\n}\r\n", 3, 11,
    "unknown name `y`; did you mean `x`?"),
  BadProgram(
    "CRLF and tabs and a multi-byte character", "async fn main() {\r\n\tprint(\"é\") print(z)\r\n}\r\n", 2,
    13,
    "expected"),
]

/// The source line a diagnostic shows: the line of `bytes`, decoded leniently.
private func sourceLine(_ bytes: [UInt8], _ line: Int) -> String {
  let text = String(decoding: bytes, as: UTF8.self)
  let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
  return line <= lines.count ? String(lines[line - 1]) : ""
}

@Test(arguments: badPrograms)
func aBadProgramIsReportedWithItsPositionAndNothingRuns(program: BadProgram) throws {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("bad.av")
  let export = dir.appendingPathComponent("never.json")
  try Data(program.bytes).write(to: file)
  let r = try CLIRunner.run(["run", file.path, "--plain", "--export", export.path])
  #expect(r.code == 2)
  #expect(r.stdout.isEmpty, "something ran: \(r.stdout)")
  #expect(!FileManager.default.fileExists(atPath: export.path), "a trace was written")
  let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  try #require(lines.count >= 3, "got: \(r.stderr)")
  let prefix = "\(file.path):\(program.line):\(program.column): error: "
  #expect(lines[0].hasPrefix(prefix), "got: \(lines[0])")
  #expect(lines[0].contains(program.message), "got: \(lines[0])")
  // The line as written (lossy for invalid UTF-8), then a caret under the
  // column: tabs in the source are repeated so it lines up at any tab width.
  let shown = sourceLine(program.bytes, program.line)
  #expect(lines[1] == shown)
  let before = shown.unicodeScalars.prefix(program.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
  #expect(lines[2] == before + "^")
  #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
}

@Test func aBadProgramGivenToExportWritesNoTrace() throws {
  let (dir, file) = try CLIRunner.program("async fn main() {\n    await 5\n}\n", named: "bad.av")
  let out = dir.appendingPathComponent("out.json")
  let r = try CLIRunner.run(["export", file.path, "-o", out.path])
  #expect(r.code == 2)
  #expect(r.stderr.hasPrefix("\(file.path):2:11: error: cannot await an integer"))
  #expect(!FileManager.default.fileExists(atPath: out.path))
}

@Test func aProgramTooLargeToCheckIsRefused() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("huge.av")
  // 2 MiB of comment lines, each 64 bytes: the limit (1 MiB) is passed on line 16,385.
  let comment = "#" + String(repeating: "x", count: 62) + "\n"
  try (String(repeating: comment, count: 32_768) + "async fn main() {\n}\n").write(
    to: file, atomically: true, encoding: .utf8)
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 2)
  #expect(r.stderr.hasPrefix("\(file.path):16385:1: error: the program is"), "got: \(r.stderr.prefix(200))")
  #expect(r.stdout.isEmpty)
}
