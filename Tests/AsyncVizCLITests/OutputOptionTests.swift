import Foundation
import Testing

@testable import AsyncVizCLI

@Test func exportTakesTheChromeFormatToo() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("p.json")
  let r = try CLIRunner.run([
    "demo", "join-concurrent", "--plain", "--export", out.path, "--format", "chrome",
  ])
  #expect(r.code == 0, "\(r.stderr)")
  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
  #expect(json?["traceEvents"] is [Any])
}

@Test func replayOfAStuckTraceExitsWithOneLikeTheDemo() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("lw.json")
  #expect(try CLIRunner.run(["export", "lost-waker", "-o", out.path]).code == 1)
  let replay = try CLIRunner.run(["replay", out.path, "--plain"])
  let demo = try CLIRunner.run(["demo", "lost-waker", "--plain"])
  #expect(replay.code == 1)
  #expect(replay.stdout == demo.stdout)
}

@Test func replayRefusesOptionsThatRunAProgram() throws {
  try CLIRunner.expectRefusal(
    ["replay", "x.json", "--backend", "epoll"], saying: "Unknown option '--backend'")
}

@Test func aFailedTranscriptWriteIsReported() throws {
  let process = Process()
  process.executableURL = CLIRunner.binary
  process.arguments = ["demo", "db-then-service", "--plain"]
  process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
  let err = Pipe()
  process.standardError = err
  try process.run()
  let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  process.waitUntilExit()
  #expect(process.terminationStatus == 2)
  #expect(message.contains("cannot write the transcript to standard output"))
}

@Test func theExportKeyNeverWritesOutsideTheCurrentFolder() {
  #expect(TraceExporter.safeFileName("../../etc/passwd") == "passwd")
  #expect(TraceExporter.safeFileName("db-then-service") == "db-then-service")
  #expect(TraceExporter.safeFileName("..") == "trace")
  #expect(TraceExporter.safeFileName("a b\u{1b}[2J") == "a_b__2J")
  #expect(TraceExporter.safeFileName("") == "trace")
}
