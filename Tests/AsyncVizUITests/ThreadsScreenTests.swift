import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// The threads model's panels at 100x30: join-concurrent when both helper
/// threads are blocked in read and main waits on its futex, and at the end.
@Test func joinConcurrentUnderThreadsScreens() {
  let trace = DemoTraces.threadsTrace(named: "join-concurrent")
  let allBlocked = firstStep(trace) { $0.kernel.blocked.count == 3 }
  #expect(allBlocked > 0)
  let text = screen(trace, atStep: allBlocked)
  #expect(text.contains("CPUs") && text.contains("Kernel"))
  #expect(text.contains("threads, backend sim"))
  #expect(text.contains("#2 read db.query"), "a helper sleeps in read")
  #expect(text.contains("#1 futex: join"), "main waits on its futex")
  #expect(text.contains("3 alive, peak 3, 3 switches"))
  Golden.check(text, named: "threads-join-concurrent-step\(allBlocked).txt")
  Golden.check(screen(trace, atStep: trace.stepCount), named: "threads-join-concurrent-end.txt")
}

/// timers under threads: each sleeper waits in nanosleep until its own deadline.
@Test func timersUnderThreadsShowNanosleepDeadlines() {
  let trace = DemoTraces.threadsTrace(named: "timers")
  let sleeping = firstStep(trace) { state in state.kernel.blocked.filter { $0.awaiting == .sleep }.count >= 2
  }
  let text = screen(trace, atStep: sleeping)
  let state = TraceHistory(trace: trace).state(atStep: sleeping)
  for entry in state.kernel.blocked where entry.awaiting == .sleep {
    let until = DurationText.duration(entry.untilUs ?? 0)
    #expect(text.contains("#\(entry.task.rawValue) nanosleep until \(until)"))
  }
  Golden.check(text, named: "threads-timers-step\(sleeping).txt")
}
