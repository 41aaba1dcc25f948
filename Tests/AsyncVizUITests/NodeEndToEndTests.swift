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
    let (session, _) = try TmuxSession.demo("lazy-future", model: .node, panels: ["JS thread", "Event loop"])

    // Step 1: main's first call ran lookup inside it (the eager call) and armed both timers.
    let step1 = try session.stepForward(1, to: 1)
    #expect(step1.contains("last job: #1 main → #2 lookup"), "\(step1)")
    #expect(step1.contains("30 ms #2 lookup, 50 ms #1 main"))

    // The first step with a microtask queued: the panel lists it as the state says.
    let trace = DemoTraces.nodeTrace(named: "lazy-future")
    let history = TraceHistory(trace: trace)
    let queued = (0...history.lastStep).first { !history.state(atStep: $0).node.microtasks.isEmpty } ?? 0
    let screen = try session.stepForward(Int(queued) - 1, to: Int(queued))
    let job = try #require(history.state(atStep: queued).node.microtasks.first)
    let line = screen.split(separator: "\n").first { $0.contains("microtasks") } ?? ""
    #expect(line.contains("\(trace.label(job.task)) (\(job.job.name))"), "microtasks: \(line)")
    let timers = screen.split(separator: "\n").first { $0.contains("timers  ") } ?? ""
    #expect(timers.contains("50 ms #1 main") && !timers.contains("30 ms"), "timers: \(timers)")

    try session.finishAndQuit(lastStep: history.lastStep)
  }
}
