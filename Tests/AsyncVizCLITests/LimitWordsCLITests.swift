import Foundation
import Testing

// The run-time limits' messages under each model: the depth limit says that
// raising --max-depth allows deeper calls, and the poll budget says what a
// loop that never waits does under that model's own rules.

@Test(arguments: ["rust", "node", "threads", "go"])
func theDepthLimitSaysRaiseItToGoDeeper(model: String) throws {
  let (_, file) = try CLIRunner.program(
    "async fn f() {\n    await f()\n}\nasync fn main() {\n    await f()\n}\n")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--model", model, "--max-depth", "20"])
  #expect(r.code == 1)
  let error = try #require(r.stdout.split(separator: "\n").first { $0.contains("prints: error:") })
  #expect(error.contains("nest more than 20 deep"), "\(error)")
  #expect(error.contains("if not, raise --max-depth"), "\(error)")
  #expect(!error.contains("lower --max-depth"), "\(error)")
}

@Test(arguments: [
  (
    "rust",
    "this poll ran 1000 instructions without reaching an await that waits; a real executor would never"
  ),
  ("node", "this job ran 1000 instructions without reaching an await; until it does, the event loop runs no"),
  (
    "threads",
    "this thread ran 1000 instructions without a blocking call; a real thread would keep a CPU busy"
  ),
  ("go", "this goroutine ran 1000 instructions without blocking; Go would preempt it after 10 ms"),
])
func thePollBudgetSpeaksEachModelsWords(model: String, words: String) throws {
  let (_, file) = try CLIRunner.program(
    "async fn main() {\n    repeat 2000 { let x = 1 }\n    print(\"after\")\n}\n")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--model", model, "--poll-budget", "1000"])
  #expect(r.code == 1)
  let error = try #require(r.stdout.split(separator: "\n").first { $0.contains("prints: error:") })
  #expect(error.contains(words), "\(error)")
  #expect(error.contains("(change the limit with --poll-budget)"))
  if model != "rust" { #expect(!error.contains("executor"), "\(error)") }
}

@Test(arguments: ["rust", "node", "threads", "go"])
func theStepLimitsEndNamesMaxSteps(model: String) throws {
  let (_, file) = try CLIRunner.program(
    "async fn main() {\n    repeat 1000 {\n        await sleep(1ms)\n    }\n}\n")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--model", model, "--max-steps", "50"])
  #expect(r.code == 1)
  let end = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("end: ") })
  #expect(end.hasPrefix("end: max-steps. The step limit (50 steps) was reached"), "\(end)")
  #expect(end.contains("a higher --max-steps"), "\(end)")
}
