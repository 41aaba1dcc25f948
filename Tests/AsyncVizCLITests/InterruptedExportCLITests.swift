import Foundation
import Glibc
import Testing

// An export interrupted by a signal leaves no temporary file behind, and a
// temporary file left by a killed export is removed by the next export.

/// A program whose trace is large (millions of events), so its export is
/// still writing when the signal comes.
private let bigProgram =
  "async fn main() {\n    await join("
  + Array(repeating: "self_wake(1000000000)", count: 2000).joined(separator: ", ")
  + ")\n}\n"

/// The hidden temporary files in `dir`.
private func temporaries(_ dir: URL) -> [String] {
  ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".tmp") }
}

@Test(arguments: [SIGINT, SIGTERM, SIGHUP])
func anInterruptedExportRemovesItsTemporaryFile(_ signal: Int32) throws {
  let (dir, file) = try CLIRunner.program(bigProgram, named: "big.av")
  // Through python, which gives the child the default dispositions and an
  // empty mask: the test runner starts its children with these signals
  // ignored or blocked, as nohup would (then the export rightly carries on).
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
  let exe = CLIRunner.binary.path
  let out = dir.appendingPathComponent("out.json").path
  process.arguments = [
    "-c",
    "import os, signal, sys\nwanted = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)\n"
      + "for s in wanted: signal.signal(s, signal.SIG_DFL)\n"
      + "signal.pthread_sigmask(signal.SIG_UNBLOCK, wanted)\nos.execv(sys.argv[1], sys.argv[1:])",
    exe, "export", file.path, "-o", out, "--max-instructions", "1000000",
  ]
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  // Wait for the temporary file to appear (the run itself comes first).
  var seen = false
  for _ in 0..<3000 where process.isRunning {
    if !temporaries(dir).isEmpty {
      seen = true
      break
    }
    usleep(10_000)
  }
  kill(process.processIdentifier, signal)
  process.waitUntilExit()
  #expect(seen || process.terminationStatus == 1, "the export ended before a temporary file was seen")
  #expect(temporaries(dir).isEmpty, "left behind: \(temporaries(dir))")
  if seen {
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.json").path))
  }
}

@Test func aStaleTemporaryFileOfADeadExportIsRemovedByTheNextOne() throws {
  let dir = try CLIRunner.temporaryDirectory()
  // A pid that is not running: a child that has exited and been reaped.
  let gone = Process()
  gone.executableURL = URL(fileURLWithPath: "/bin/true")
  try gone.run()
  gone.waitUntilExit()
  let stale = dir.appendingPathComponent(".t.json.\(gone.processIdentifier).0.tmp")
  let alive = dir.appendingPathComponent(".t.json.\(getpid()).0.tmp")
  let other = dir.appendingPathComponent(".u.json.\(gone.processIdentifier).0.tmp")
  for url in [stale, alive, other] { try Data("partial".utf8).write(to: url) }
  try CLIRunner.expectSuccess([
    "export", "db-then-service", "-o", dir.appendingPathComponent("t.json").path,
  ])
  #expect(!FileManager.default.fileExists(atPath: stale.path))
  // Not ours to remove: a live process's, and another name's.
  #expect(FileManager.default.fileExists(atPath: alive.path))
  #expect(FileManager.default.fileExists(atPath: other.path))
}

// Replacing a file keeps what the user set on it, and never destroys an input.

@Test(arguments: [0o444, 0o600, 0o640, 0o755])
func aReplacedTraceKeepsItsMode(_ mode: Int) throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("t.json")
  #expect(try CLIRunner.run(["export", "db-then-service", "-o", out.path]).code == 0)
  try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: out.path)
  #expect(try CLIRunner.run(["export", "timers", "-o", out.path]).code == 0)
  let attributes = try FileManager.default.attributesOfItem(atPath: out.path)
  #expect(attributes[.posixPermissions] as? Int == mode)
  #expect(try String(contentsOf: out, encoding: .utf8).contains("\"name\":\"timers\""))
}

@Test func aHardLinkedTraceStaysLinked() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("t.json")
  let link = dir.appendingPathComponent("same.json")
  #expect(try CLIRunner.run(["export", "db-then-service", "-o", out.path]).code == 0)
  try FileManager.default.linkItem(at: out, to: link)
  #expect(try CLIRunner.run(["export", "timers", "-o", out.path]).code == 0)
  #expect(try String(contentsOf: link, encoding: .utf8).contains("\"name\":\"timers\""))
}

@Test func anInputIsNeverTheOutput() throws {
  let (dir, program) = try CLIRunner.program("async fn main() {\n    await sleep(1ms)\n}\n")
  let link = dir.appendingPathComponent("link.av")
  try FileManager.default.createSymbolicLink(at: link, withDestinationURL: program)
  let trace = dir.appendingPathComponent("t.json")
  #expect(try CLIRunner.run(["export", program.path, "-o", trace.path]).code == 0)
  let before = try Data(contentsOf: program)
  let savedTrace = try Data(contentsOf: trace)
  for command in [
    ["export", program.path, "-o", program.path], ["export", program.path, "-o", link.path],
    ["run", link.path, "--plain", "--export", program.path],
    ["replay", trace.path, "--plain", "--export", trace.path, "--format", "chrome"],
    ["export", program.path, "-o", program.path, "--force"],
  ] {
    let r = try CLIRunner.run(command)
    #expect(r.code == 2, "\(command)")
    #expect(r.stderr.contains("which this command reads"), "\(command): \(r.stderr)")
  }
  #expect(try Data(contentsOf: program) == before)
  #expect(try Data(contentsOf: trace) == savedTrace)
}

@Test(arguments: ["notes.txt", "data.json", "script.av"])
func aFileAsyncvizDidNotWriteIsReplacedOnlyWithForce(_ name: String) throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent(name)
  try "precious\n".write(to: out, atomically: true, encoding: .utf8)
  try CLIRunner.expectRefusal(
    ["export", "db-then-service", "-o", out.path], saying: "is not a trace asyncviz wrote (use --force")
  #expect(try String(contentsOf: out, encoding: .utf8) == "precious\n")
  let viaRun = try CLIRunner.run(["demo", "db-then-service", "--plain", "--export", out.path])
  #expect(viaRun.code == 2)
  #expect(try String(contentsOf: out, encoding: .utf8) == "precious\n")
  #expect(try CLIRunner.run(["export", "db-then-service", "-o", out.path, "--force"]).code == 0)
  #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix(#"{"format":"asyncviz-trace""#))
  // A Chrome export is ours too: replaced without --force.
  #expect(try CLIRunner.run(["export", "timers", "-o", out.path, "--format", "chrome"]).code == 0)
  #expect(try CLIRunner.run(["export", "timers", "-o", out.path]).code == 0)
}
