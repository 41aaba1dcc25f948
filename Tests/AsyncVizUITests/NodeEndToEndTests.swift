import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Foundation
import Testing

/// `asyncviz demo lazy-future --model node` in tmux at 100x30, as a user
/// runs it: the node panels (the JS thread's call stack and microtask queue,
/// the event loop's phases, timer heap, immediates and epoll list) follow the
/// steps, and quitting gives the terminal back.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct NodeEndToEndTests {
  @Test func nodePanelsFollowTheSteps() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let binary = TmuxSession.asyncviz
    let trace = DemoTraces.nodeTrace(named: "lazy-future")
    let history = TraceHistory(trace: trace)
    let session = try TmuxSession(width: 100, height: 30)
    try session.type("\(binary) demo lazy-future --model node; echo \"exit=$?\" > exit.txt")
    let titles = ["Tasks", "JS thread", "Event loop", "Source", "Narration"]
    let first = try session.waitFor("the node panels") { screen in titles.allSatisfy { screen.contains($0) } }
    #expect(first.contains("node, backend sim"))
    #expect(!first.contains("Executor") && !first.contains("Reactor"))

    // Step 1: main's first call ran lookup inside it (the eager call) and armed both timers.
    try session.keys("n")
    let step1 = try session.waitForSettled("step 1") { showsStep(1, $0) }
    #expect(step1.contains("last job: #1 main → #2 lookup"), "\(step1)")
    #expect(step1.contains("30 ms #2 lookup, 50 ms #1 main"))

    // The first step with a microtask queued: the panel lists it as the state says.
    let queued = (0...history.lastStep).first { !history.state(atStep: $0).node.microtasks.isEmpty } ?? 0
    for _ in 1..<queued { try session.keys("n") }
    let screen = try session.waitForSettled("step \(queued)") { showsStep(Int(queued), $0) }
    let job = try #require(history.state(atStep: queued).node.microtasks.first)
    let line = screen.split(separator: "\n").first { $0.contains("microtasks") } ?? ""
    #expect(line.contains("\(trace.label(job.task)) (\(job.job.name))"), "microtasks: \(line)")
    let timers = screen.split(separator: "\n").first { $0.contains("timers  ") } ?? ""
    #expect(timers.contains("50 ms #1 main") && !timers.contains("30 ms"), "timers: \(timers)")

    try session.keys("G")
    try session.waitFor("the end") { $0.contains("Run completed") && showsStep(Int(history.lastStep), $0) }
    try session.keys("q")
    #expect(try session.waitForFile("exit.txt") == "exit=0\n")
    #expect(try session.paneValue("#{alternate_on}") == "0")
  }
}
