import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Foundation
import Testing

/// The printed program itself, built and run as its header says (needs Go;
/// skipped without it, except under CI=true).
@Suite struct GoProgramTests {
  @Test func blockingTheExecutorKeepsTickingInRealGo() throws {
    guard let go = GoRunner.findGo() else {
      if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("go is not installed") }
      return
    }
    let demo = try #require(DemoCatalog.named("blocking-the-executor"))
    let source = try GoTranslator().translate(ProgramShape.read(demo.sourceFile))
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let run = try GoRunner.runProgram(
      source, in: packageRoot.appendingPathComponent(".build/go-program"), go: go)
    #expect(run.status == 0)
    // block(100ms) is a blocking syscall: Go hands the P to another thread and
    // the ticker goes on; in the rust model every tick waits for the block.
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines == ["tick", "blocking the thread for 100 ms", "tick", "tick", "tick", "unblocked"])
    let end = run.stderr.split(separator: " ").last.flatMap {
      Int64($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(run.stderr.hasPrefix("##oracle end blocking-the-executor "))
    #expect((end ?? 0) >= 115_000)
  }
}
