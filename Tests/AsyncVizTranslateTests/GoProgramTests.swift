import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Foundation
import Testing

/// The printed program itself, built and run as its header says (needs Go;
/// skipped without it, except under CI=true).
@Suite struct GoProgramTests {
  @Test func blockingTheExecutorKeepsTickingInRealGo() async throws {
    guard let go = GoRunner.findGo() else {
      if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("go is not installed") }
      return
    }
    let demo = try #require(DemoCatalog.named("blocking-the-executor"))
    let source = try GoTranslator().translate(ProgramShape.read(demo.sourceFile))
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    // Real time, like the oracles: not while another real runtime builds or runs.
    let run = try await OracleLock.exclusive {
      try GoRunner.runProgram(source, in: packageRoot.appendingPathComponent(".build/go-program"), go: go)
    }
    #expect(run.status == 0)
    // block(100ms) is a blocking syscall: Go hands the P to another thread and
    // the ticker goes on; in the rust model every tick waits for the block.
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let blocked = try #require(lines.firstIndex(of: "blocking the thread for 100 ms"))
    let unblocked = try #require(lines.firstIndex(of: "unblocked"))
    // The ticks due at 20, 30 and 40 ms come during the block (15 to 115 ms);
    // the first, due at 10 ms, may come just before or after "blocking" when
    // the machine is busy (5 ms apart in real time).
    #expect(lines.filter { $0 == "tick" }.count == 4)
    #expect(lines[blocked..<unblocked].filter { $0 == "tick" }.count >= 3)
    #expect(unblocked == lines.count - 1)
    let end = run.stderr.split(separator: " ").last.flatMap {
      Int64($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(run.stderr.hasPrefix("##oracle end blocking-the-executor "))
    #expect((end ?? 0) >= 115_000)
  }
}
