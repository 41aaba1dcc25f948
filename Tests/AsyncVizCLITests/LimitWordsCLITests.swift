import Foundation
import Testing

// The run-time limits' messages under each model: the depth limit says that
// raising --max-depth allows deeper calls, and the poll budget says what a
// loop that never waits does under that model's own rules.

/// The first line that `matches` in the plain run of `source` under `model`
/// with `flags`, a run that must end abnormally (exit 1).
private func line(
  of source: String, _ model: String, _ flags: [String], where matches: (Substring) -> Bool
) throws -> Substring {
  let (_, file) = try CLIRunner.program(source)
  let r = try CLIRunner.run(["run", file.path, "--plain", "--model", model] + flags)
  #expect(r.code == 1)
  let found = r.stdout.split(separator: "\n").first(where: matches)
  return try #require(found)
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
  let error = try line(
    of: "async fn main() {\n    repeat 2000 { let x = 1 }\n    print(\"after\")\n}\n", model,
    ["--poll-budget", "1000"]
  ) { $0.contains("prints: error:") }
  #expect(error.contains(words), "\(error)")
  #expect(error.contains("(change the limit with --poll-budget)"))
  if model != "rust" { #expect(!error.contains("executor"), "\(error)") }
}

/// The depth limit's error and the step limit's end each name the flag
/// that lets the run go further, raised.
@Test(arguments: ["rust", "node", "threads", "go"])
func theLimitsNameTheFlagThatLetsTheRunGoOn(model: String) throws {
  let error = try line(of: endlessRecursion, model, ["--max-depth", "20"]) { $0.contains("prints: error:") }
  #expect(error.contains("nest more than 20 deep") && error.contains("if not, raise --max-depth"), "\(error)")
  #expect(!error.contains("lower --max-depth"), "\(error)")
  let long = "async fn main() {\n    repeat 1000 {\n        await sleep(1ms)\n    }\n}\n"
  let end = try line(of: long, model, ["--max-steps", "50"]) { $0.hasPrefix("end: ") }
  #expect(end.hasPrefix("end: max-steps. The step limit (50 steps) was reached"), "\(end)")
  #expect(end.contains("a higher --max-steps"), "\(end)")
}
