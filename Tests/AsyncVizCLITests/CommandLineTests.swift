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

/// A command line, the exit code it must give and words its output must
/// contain; no command line may crash.
struct CommandCase: Sendable, CustomTestStringConvertible {
  let testDescription: String
  let arguments: [String]
  let code: Int32
  let stdout: [String]
  let stderr: [String]

  init(_ what: String, _ arguments: [String], exits code: Int32, stdout: [String] = [], stderr: [String] = [])
  {
    self.testDescription = what
    self.arguments = arguments
    self.code = code
    self.stdout = stdout
    self.stderr = stderr
  }
}

let commandCases = [
  CommandCase(
    "show prints the program", ["show", "db-then-service"], exits: 0, stdout: ["async fn main()", "db.query"]),
  CommandCase(
    "an unknown demo suggests the closest name", ["demo", "db-then-servce", "--plain"], exits: 2,
    stderr: ["unknown demo 'db-then-servce'", "Did you mean 'db-then-service'?"]),
  CommandCase(
    "a missing program file", ["run", "/nonexistent/x.av"], exits: 2, stderr: ["/nonexistent/x.av: error:"]),
  CommandCase(
    "without a terminal the demo prints the transcript", ["demo", "db-then-service"], exits: 0,
    stdout: ["step 1", "handler"]),
  CommandCase("a stuck program", ["demo", "lost-waker", "--plain"], exits: 1, stdout: ["stuck"]),
]

@Test(arguments: commandCases)
func aCommandLineGivesItsExitCodeAndOutput(_ c: CommandCase) throws {
  let r = try CLIRunner.run(c.arguments)
  #expect(r.code == c.code, "\(r.stderr)")
  for words in c.stdout { #expect(r.stdout.contains(words), "\(r.stdout)") }
  for words in c.stderr { #expect(r.stderr.contains(words), "\(r.stderr)") }
  #expect(!r.stderr.contains("Fatal error"))
}

@Test func badUsageExitsWithTwo() throws {
  try CLIRunner.expectRefusal(["show"], saying: "Missing expected argument")
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
