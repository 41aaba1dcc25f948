import Foundation
import Testing

// The compiler's warnings are printed on stderr like a compiler's
// (FILE:LINE:COL: warning: ..., the line, a caret), and the program still runs.

private let warned: [(name: String, source: String, line: Int, column: Int, words: String)] = [
  (
    "let never awaited", "async fn main() {\n    let f = sleep(1ms)\n    print(\"done\")\n}\n", 2, 9,
    "future `f` is never awaited"
  ),
  (
    "bare call", "resource db latency 5ms\nasync fn main() {\n    db.query(\"x\")\n    print(\"done\")\n}\n",
    3, 5,
    "this future is never awaited"
  ),
  (
    "call of an async fn", "async fn f() {\n}\nasync fn main() {\n\tf()\n    print(\"done\")\n}\n", 4, 2,
    "this future is never awaited"
  ),
]

@Test(arguments: warned.map(\.name))
func warningsArePrintedOnStderrAndTheProgramRuns(name: String) throws {
  let w = try #require(warned.first { $0.name == name })
  let (dir, file) = try CLIRunner.program(w.source, named: "warn.av")
  for command in [
    ["run", file.path, "--plain"], ["export", file.path, "-o", dir.appendingPathComponent("t.json").path],
  ] {
    let r = try CLIRunner.expectSuccess(command)
    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let head = "\(file.path):\(w.line):\(w.column): warning: "
    let at = try #require(lines.firstIndex { $0.hasPrefix(head) }, "\(r.stderr)")
    #expect(lines[at].contains(w.words))
    // The source line, then a caret under the column (tabs kept so it lines up).
    let source = w.source.split(separator: "\n", omittingEmptySubsequences: false)[w.line - 1]
    #expect(lines[at + 1] == source)
    #expect(lines[at + 2].hasSuffix("^") && lines[at + 2].count == w.column)
  }
  let plain = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(plain.stdout.contains("prints: done"))
}

@Test func aProgramWithoutWarningsPrintsNothingOnStderr() throws {
  let file = try CLIRunner.program("async fn main() {\n    await sleep(1ms)\n}\n", named: "fine.av").file
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 0)
  #expect(r.stderr.isEmpty)
}
