import Foundation
import Testing

/// The demos every command must know about.
let demoNames = [
  "db-then-service", "lazy-future", "join-concurrent", "many-requests", "timers", "select-timeout",
  "channel-pipeline", "spawn-vs-await", "blocking-the-executor", "lost-waker", "self-wake",
]

@Test func listShowsEveryDemoWithASummary() throws {
  let r = try CLIRunner.run(["list"])
  #expect(r.code == 0)
  let lines = r.stdout.split(separator: "\n")
  #expect(lines.count == demoNames.count)
  for name in demoNames {
    let line = lines.first { $0.hasPrefix(name + " ") }
    #expect(line != nil, "missing \(name)")
    #expect((line?.count ?? 0) > name.count + 10, "no summary for \(name)")
  }
}

@Test func showPrintsTheProgram() throws {
  let r = try CLIRunner.run(["show", "db-then-service"])
  #expect(r.code == 0)
  #expect(r.stdout.contains("async fn main()"))
  #expect(r.stdout.contains("db.query"))
}

@Test func anUnknownDemoSuggestsTheClosestName() throws {
  let r = try CLIRunner.run(["demo", "db-then-servce", "--plain"])
  #expect(r.code == 2)
  #expect(r.stderr.contains("unknown demo 'db-then-servce'"))
  #expect(r.stderr.contains("Did you mean 'db-then-service'?"))
  #expect(!r.stderr.contains("Fatal error"))
}

@Test func badUsageExitsWithTwo() throws {
  let missing = try CLIRunner.run(["show"])
  #expect(missing.code == 2)
  #expect(missing.stderr.contains("Missing expected argument"))
  let unknown = try CLIRunner.run(["demo", "timers", "--backend", "kqueue"])
  #expect(unknown.code == 2)
  let help = try CLIRunner.run(["--help"])
  #expect(help.code == 0)
  #expect(help.stdout.contains("demo"))
}

@Test func aSyntaxErrorIsReportedLikeACompiler() throws {
  let file = try CLIRunner.program("async fn main() {\n    let = 5\n}\n", named: "broken.av").file
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 2)
  let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(lines.first?.hasPrefix("\(file.path):2:9: error: ") == true, "got: \(r.stderr)")
  #expect(lines.first?.contains(": error: ") == true)
  #expect(lines.count >= 3)
  if lines.count >= 3 {
    #expect(lines[1] == "    let = 5")
    #expect(lines[2] == "        ^")
  }
  #expect(r.stdout.isEmpty, "nothing runs")
}

@Test func aMissingProgramFileIsExitTwo() throws {
  let r = try CLIRunner.run(["run", "/nonexistent/x.av"])
  #expect(r.code == 2)
  #expect(r.stderr.contains("/nonexistent/x.av: error:"))
}

@Test func withoutATerminalTheDemoPrintsTheTranscript() throws {
  let r = try CLIRunner.run(["demo", "db-then-service"])
  #expect(r.code == 0)
  #expect(r.stdout.contains("step 1"))
  #expect(r.stdout.contains("handler"))
}

@Test func aStuckProgramExitsWithOne() throws {
  let r = try CLIRunner.run(["demo", "lost-waker", "--plain"])
  #expect(r.code == 1)
  #expect(r.stdout.contains("stuck"))
}

@Test func theEpollBackendPrintsTheSameOutputAsTheSimulator() throws {
  let epoll = try CLIRunner.run(["demo", "db-then-service", "--backend", "epoll", "--plain"])
  let sim = try CLIRunner.run(["demo", "db-then-service", "--plain"])
  #expect(epoll.code == 0, "\(epoll.stderr)")
  #expect(epoll.stdout.contains("over epoll_wait) returned: fd"))
  #expect(!epoll.stdout.contains("simulated epoll_wait"))
  let printed = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("  >>> ") } }
  #expect(printed(epoll.stdout) == printed(sim.stdout))
  #expect(printed(sim.stdout).count == 3)
}
