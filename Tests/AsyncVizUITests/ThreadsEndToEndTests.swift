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
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let binary = TmuxSession.asyncviz
    let trace = DemoTraces.threadsTrace(named: "join-concurrent")
    let history = TraceHistory(trace: trace)
    let session = try TmuxSession(width: 100, height: 30)
    try session.type("\(binary) demo join-concurrent --model threads; echo \"exit=$?\" > exit.txt")
    let titles = ["Tasks", "CPUs", "Kernel", "Source", "Narration"]
    let first = try session.waitFor("the threads panels") { screen in
      titles.allSatisfy { screen.contains($0) }
    }
    #expect(first.contains("threads, backend sim"))
    #expect(!first.contains("Executor") && !first.contains("Reactor"))

    // Step 1: CPU 0 switched to main.
    try session.keys("n")
    let step1 = try session.waitForSettled("step 1") { showsStep(1, $0) }
    let cpu0 = step1.split(separator: "\n").first { $0.contains("cpu 0") } ?? ""
    #expect(cpu0.contains("#1 main"), "cpu 0: \(cpu0)")

    // The first step where every thread is blocked: the kernel panel lists each as the state says.
    let blocked = (0...history.lastStep).first { history.state(atStep: $0).kernel.blocked.count == 3 } ?? 0
    for _ in 1..<blocked { try session.keys("n") }
    let screen = try session.waitForSettled("step \(blocked)") { showsStep(Int(blocked), $0) }
    for entry in history.state(atStep: blocked).kernel.blocked {
      let what = entry.awaiting.label(in: trace)
      #expect(screen.contains("#\(entry.task.rawValue) ") && screen.contains(what), "\(what)")
    }
    #expect(screen.contains("3 alive, peak 3"))
    Golden.check(screen, named: "e2e/threads-join-concurrent-step\(blocked)-100x30.txt")

    try session.keys("G")
    try session.waitFor("the end") { $0.contains("Run completed") && showsStep(Int(history.lastStep), $0) }
    try session.keys("q")
    #expect(try session.waitForFile("exit.txt") == "exit=0\n")
    #expect(try session.paneValue("#{alternate_on}") == "0")
  }
}
