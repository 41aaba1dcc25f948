import AsyncVizTestSupport
import Foundation
import Testing

/// One class of bad program as a user meets it, a file each under
/// BadPrograms/ with where and what the binary must report in its first
/// line; among them invalid UTF-8, tabs and CRLF line endings, which the
/// position and the caret line must count right.
let badProgramFiles = BadProgramFile.all(in: "BadPrograms")

@Test(arguments: badProgramFiles)
func aBadProgramIsReportedWithItsPositionAndNothingRuns(program: BadProgramFile) throws {
  let expected = try #require(program.expected, "the first line must be `# error LINE:COLUMN: MESSAGE`")
  let dir = try CLIRunner.temporaryDirectory()
  let export = dir.appendingPathComponent("never.json")
  let r = try CLIRunner.run(["run", program.url.path, "--plain", "--export", export.path])
  #expect(r.code == 2)
  #expect(r.stdout.isEmpty, "something ran: \(r.stdout)")
  #expect(!FileManager.default.fileExists(atPath: export.path), "a trace was written")
  let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  try #require(lines.count >= 3, "got: \(r.stderr)")
  let prefix = "\(program.url.path):\(expected.line):\(expected.column): error: "
  #expect(lines[0].hasPrefix(prefix), "got: \(lines[0])")
  #expect(lines[0].contains(expected.message), "got: \(lines[0])")
  // The line as written (lossy for invalid UTF-8), then a caret under the
  // column: tabs in the source are repeated so it lines up at any tab width.
  let shown = program.sourceLine(expected.line)
  #expect(lines[1] == shown)
  let before = shown.unicodeScalars.prefix(expected.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
  #expect(lines[2] == before + "^")
  #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
}

/// A deleted or unreadable file fails the run: the folder holds at least the
/// programs it held when the cases became files.
@Test func noBadProgramFileIsLost() {
  #expect(badProgramFiles.count >= 23)
  #expect(badProgramFiles.allSatisfy { $0.expected != nil })
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
