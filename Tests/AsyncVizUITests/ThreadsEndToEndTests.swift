import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import Foundation
import Testing

/// `asyncviz demo join-concurrent --model threads` in tmux at 100x30, as a
/// user runs it: the CPUs panel (the thread each CPU runs, the run queues)
/// and the kernel panel (gauges, blocked threads and what they wait on)
/// follow the steps, and quitting gives the terminal back.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ThreadsEndToEndTests {
  @Test func threadsPanelsFollowTheSteps() throws {
    let (session, _) = try TmuxSession.demo("join-concurrent", model: .threads, panels: ["CPUs", "Kernel"])

    // Step 1: CPU 0 switched to main.
    let step1 = try session.stepForward(1, to: 1)
    let cpu0 = step1.split(separator: "\n").first { $0.contains("cpu 0") } ?? ""
    #expect(cpu0.contains("#1 main"), "cpu 0: \(cpu0)")

    // The first step where every thread is blocked: the kernel panel lists each as the state says.
    let trace = DemoTraces.threadsTrace(named: "join-concurrent")
    let history = TraceHistory(trace: trace)
    let blocked = (0...history.lastStep).first { history.state(atStep: $0).kernel.blocked.count == 3 } ?? 0
    let screen = try session.stepForward(Int(blocked) - 1, to: Int(blocked))
    for entry in history.state(atStep: blocked).kernel.blocked {
      let what = entry.awaiting.label(in: trace)
      #expect(screen.contains("#\(entry.task.rawValue) ") && screen.contains(what), "\(what)")
    }
    #expect(screen.contains("3 alive, peak 3"))
    Golden.check(screen, named: "e2e/threads-join-concurrent-step\(blocked)-100x30.txt")

    try session.finishAndQuit(lastStep: history.lastStep)
  }
}
