import AsyncVizLang
import Foundation
import Testing

@testable import AsyncVizCLI

// Counts of one are singular in what the CLI says: "1 step", "1 line", "1
// context switch", "(and 1 more warning)".

@Test func exportSaysOneStep() throws {
  let (dir, file) = try CLIRunner.program("async fn main() {\n    print(\"a\")\n}\n")
  let r = try CLIRunner.expectSuccess(["export", file.path, "-o", dir.appendingPathComponent("t.json").path])
  #expect(r.stderr.contains(", 1 step, ended completed"), "\(r.stderr)")
}

@Test func compareAndTheFooterSayOneLineAndOtherText() throws {
  // Every model stops the recursion with its own words: one line each, other text.
  let (_, file) = try CLIRunner.program(endlessRecursion)
  let table = try CLIRunner.expectSuccess(["compare", file.path]).stdout
  #expect(table.contains("Under node the output differs from rust's: other text in as many lines (1)."))
  #expect(table.contains("Threads need 1 OS thread and 1 context switch;"))
  #expect(!table.contains("1 lines"))
  let node = try CLIRunner.run(["run", file.path, "--plain", "--model", "node"]).stdout
  #expect(node.contains("the output differs in its text (1 line under node and under rust)."), "\(node)")
}

@Test func compareSaysOneLineToNone() throws {
  // Node runs the loser of the race on and prints once more; rust drops it.
  let (_, file) = try CLIRunner.program(
    "async fn f() {\n    await sleep(5ms)\n    print(\"late\")\n}\nasync fn main() {\n"
      + "    let first = await select(f(), sleep(1ms))\n}\n")
  let table = try CLIRunner.expectSuccess(["compare", file.path, "--models", "rust,node"]).stdout
  #expect(table.contains("Under node the output differs from rust's: 1 line to 0."), "\(table)")
}

@Test func theViewsNoticeSaysOneMoreWarning() throws {
  let source = SourceFile(
    name: "w.av",
    text: "async fn main() {\n    let f = sleep(1ms)\n    let g = sleep(1ms)\n    print(\"done\")\n}\n")
  let program = try CompiledProgram.compile(source)
  #expect(program.warnings.count == 2)
  #expect(ProgramLoader.notice(program)?.hasSuffix("(and 1 more warning)") == true)
}
