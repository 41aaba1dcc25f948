import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Foundation
import Testing

/// The go model's panels: the Ps (with runnext and the local queue) where
/// the executor is, the scheduler (global queue, Ms, netpoller, timers)
/// where the reactor is.
@Suite struct GoScreenTests {
  /// During block(100ms): M0 sits in the syscall, P0 runs the ticker on M1.
  @Test func blockingTheExecutorWhileTheBlockerBlocks() {
    let trace = DemoTraces.goTrace(named: "blocking-the-executor")
    let step = firstStep(trace) { state in
      state.go.ms.count == 2 && state.go.procs.first?.doing == .running(TaskID(2))
    }
    #expect(step > 0)
    let text = screen(trace, atStep: step)
    #expect(text.contains("Ps (GOMAXPROCS 1)"))
    #expect(text.contains("P0 M1"))
    #expect(text.contains("M0  syscall: #3 blocker (no P)"))
    Golden.check(text, named: "go-blocking-the-executor-during-block.txt")
  }

  /// Two Ps: the second one found work (stolen, on an M of its own).
  @Test func dbThenServiceOnTwoPs() {
    let trace = DemoTraces.goTrace(named: "db-then-service", procs: 2)
    let step = firstStep(trace) { state in
      state.go.procs.count == 2 && state.go.procs[1].doing != .idle && state.go.procs[1].doing != .scheduling
    }
    #expect(step > 0)
    let text = screen(trace, atStep: step)
    #expect(text.contains("Ps (GOMAXPROCS 2)"))
    #expect(text.contains("P1 M1"))
    Golden.check(text, named: "go-db-then-service-procs2.txt")
  }
}

/// The built viewer in tmux with `--model go --procs 2`, as a user runs it.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct GoTerminalEndToEndTests {
  @Test func goPanelsWithTwoPsStepAndQuit() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let binary = TmuxSession.asyncviz
    let session = try TmuxSession(width: 100, height: 30)
    try session.type(
      "\(binary) demo db-then-service --model go --procs 2; code=$?; echo \"exit=$code\" > exit.txt")
    try session.waitFor("the go panels") { $0.contains("Ps (GOMAXPROCS 2)") && $0.contains("Scheduler") }
    let history = TraceHistory(trace: DemoTraces.goTrace(named: "db-then-service", procs: 2))
    for _ in 0..<6 { try session.keys("n") }
    let screen = try session.waitForSettled("step 6") {
      $0.contains("step 6/") || $0.contains("step 6 (live)")
    }
    // The P lines are those of the state at step 6: what P0 runs, in Go's words.
    let state = history.state(atStep: 6)
    let p0 = screen.split(separator: "\n").first { $0.contains("P0 ") } ?? ""
    if case .running(let g) = state.go.procs[0].doing {
      #expect(p0.contains("running #\(g.rawValue)"), "P0: \(p0)")
    }
    #expect(screen.contains("P1 "))
    #expect(screen.contains("global"))
    #expect(screen.contains("netpoller"))
    try session.keys("q")
    let exit = try session.waitForFile("exit.txt")
    #expect(exit == "exit=0\n")
    #expect(try session.paneValue("#{alternate_on}") == "0")
  }
}
