import AsyncVizTranslate
import Foundation
import Testing

// `compare --real`, `--model threads --backend epoll` and `--set`: the
// real figures are checked against what the runs themselves report (the
// sim trace's thread count, the request count set), never against numbers
// written here.

@Test func compareRealMeasuresThreadsAndRustInChildProcesses() throws {
  let requests = 50
  let result = try CLIRunner.run([
    "compare", "many-requests", "--real", "--models", "rust,threads,node", "--set", "requests=\(requests)",
    "--format", "json",
  ])
  #expect(result.code == 0, "\(result.stderr)")
  let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  let rows = try #require(json["models"] as? [[String: Any]])
  func row(_ model: String) throws -> [String: Any] {
    try #require(rows.first { $0["model"] as? String == model })
  }
  let threads = try row("threads")
  let rust = try row("rust")
  // The sim's threads model: main and one thread per request.
  #expect(threads["peak_units"] as? Int == requests + 1)
  let realThreads = try #require(threads["real"] as? [String: Any])
  let realRust = try #require(rust["real"] as? [String: Any])
  #expect(realThreads["end"] as? String == "completed" && realRust["end"] as? String == "completed")
  // For real: every request a thread of the process (plus main's and the server's) ...
  let threadCount = try #require(realThreads["os_threads"] as? Int)
  #expect(threadCount >= requests + 1)
  // ... each of which blocked at least once; rust's tasks share a thread or two.
  #expect(try #require(realThreads["voluntary_switches"] as? Int) >= requests)
  let rustThreads = try #require(realRust["os_threads"] as? Int)
  #expect((1...4).contains(rustThreads))
  #expect(try #require(realThreads["peak_rss_bytes"] as? Int) > 0)
  #expect(try #require(realRust["peak_rss_bytes"] as? Int) > 0)
  // Both waited the server's latency (50 ms) on the wall clock.
  #expect(try #require(realThreads["end_us"] as? Int) >= 50_000)
  #expect(try #require(realRust["end_us"] as? Int) >= 50_000)
  // node runs the translated program.
  let realNode = try #require(try row("node")["real"] as? [String: Any])
  #expect(realNode["end"] as? String == "completed")
  #expect(try #require(realNode["end_us"] as? Int) >= 50_000)
}

@Test func compareRealBuildsTheGoTranslationAndMeasuresItsBinary() throws {
  guard GoRunner.findGo() != nil else {
    if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("go is not installed") }
    return
  }
  let result = try CLIRunner.run([
    "compare", "many-requests", "--real", "--models", "go", "--set", "requests=50", "--format", "json",
  ])
  #expect(result.code == 0, "\(result.stderr)")
  let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  let rows = try #require(json["models"] as? [[String: Any]])
  let go = try #require(rows.first { $0["model"] as? String == "go" })
  let real = try #require(go["real"] as? [String: Any])
  #expect(real["end"] as? String == "completed")
  // The program's own end line: it waited the server's latency (50 ms).
  #expect(try #require(real["end_us"] as? Int) >= 50_000)
  // The built binary itself, not `go run`: Go's runtime always has main's
  // thread and sysmon's, and more as goroutines block.
  #expect(try #require(real["os_threads"] as? Int) >= 2)
  #expect(try #require(real["peak_rss_bytes"] as? Int) > 0)
  // The build folder is gone after the run.
  let left = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
  #expect(!left.contains { $0.hasPrefix("asyncviz-real-") && $0.hasSuffix("-many-requests-go") })
}

@Test func compareWithoutRealHasNoRealFields() throws {
  let result = try CLIRunner.run(["compare", "timers", "--format", "json"])
  #expect(result.code == 0)
  #expect(!result.stdout.contains("\"real\""))
  let text = try CLIRunner.expectSuccess(["compare", "timers", "--real", "--models", "rust,threads,go"])
  #expect(text.stdout.contains("real runs, wall clock"))
  // go is run for real when installed; without it, its cell and a sentence say so.
  let goMissing = GoRunner.findGo() == nil
  #expect(text.stdout.contains("go is not run for real here.") == goMissing, "\(text.stdout)")
}

@Test func realThreadsRunPrintsTheSimulatedLinesAndEndsAsTheSimDoes() throws {
  // Demos whose output does not hang on a few milliseconds of real time
  // (select-timeout's 20 ms fetch against a 30 ms timeout can lose on a loaded machine).
  for demo in ["channel-pipeline", "join-concurrent", "lost-waker"] {
    let sim = try CLIRunner.run(["export", demo, "--model", "threads", "-o", "/dev/null"])
    let real = try CLIRunner.run(["demo", demo, "--model", "threads", "--backend", "epoll", "--plain"])
    let simPlain = try CLIRunner.run(["demo", demo, "--model", "threads", "--plain"])
    #expect(real.code == sim.code, "\(demo): \(real.stderr)")
    func outputLines(_ text: String) -> [String] {
      guard let start = text.range(of: "  output (") else { return [] }
      return text[start.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasPrefix("    ") }.map(
        String.init)
    }
    #expect(outputLines(real.stdout).sorted() == outputLines(simPlain.stdout).sorted(), "\(demo)")
    #expect(real.stdout.contains("(real)"), "\(demo)")
  }
}

@Test(arguments: [
  ("requests=abc", "a constant is a whole number"),
  ("nope=3", "the program has no constant `nope`; its constants: requests"),
  ("requests=-5", "the value must be from 0 to"),
  ("requests", "write NAME=VALUE"),
  ("requests=0", "a channel's capacity must be at least 1"),
])
func aBadSetIsExitTwoWithAClearMessage(assignment: String, message: String) throws {
  try CLIRunner.expectRefusal(["demo", "many-requests", "--set", assignment, "--plain"], saying: message)
}

@Test func setChangesTheProgramsConstantEverywhereItIsUsed() throws {
  let result = try CLIRunner.run(["demo", "many-requests", "--set", "requests=7", "--plain"])
  #expect(result.code == 0)
  #expect(result.stdout.contains("prints: served 7 requests\n"))
  // main is #1, so 7 handlers are #2 to #8, and there is no #9.
  #expect(result.stdout.contains("#8 handler") && !result.stdout.contains("#9 handler"))
}
