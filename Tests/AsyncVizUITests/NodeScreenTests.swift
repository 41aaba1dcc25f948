import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// The node model's panels at 100x30: lazy-future when lookup is on the call
/// stack above main (the eager call), when a resume waits in the microtask
/// queue, and at the end.
@Test func lazyFutureUnderNodeScreens() {
  let trace = DemoTraces.nodeTrace(named: "lazy-future")
  // Step 1 is main's first call; lookup is called inside it, so at the end of
  // the step both have left the stack: the panel shows where the loop is.
  let queued = firstStep(trace) { !$0.node.microtasks.isEmpty }
  #expect(queued > 1)
  let first = screen(trace, atStep: 1)
  #expect(first.contains("JS thread") && first.contains("Event loop"))
  #expect(first.contains("30 ms #2 lookup"), "lookup's timer was armed by the eager call")
  Golden.check(first, named: "node-lazy-future-step1.txt")
  let waiting = screen(trace, atStep: queued)
  // The microtask panel names each queued job by its trace word.
  #expect(MicrotaskJob.allCases.contains { waiting.contains("(\($0.name))") }, "\(waiting)")
  Golden.check(waiting, named: "node-lazy-future-step\(queued).txt")
  Golden.check(screen(trace, atStep: trace.stepCount), named: "node-lazy-future-end.txt")
}

/// select-timeout under node: both losers' timers stay in the heap after
/// main has gone on (nothing cancels them).
@Test func selectTimeoutUnderNodeKeepsTheLosersTimers() {
  let trace = DemoTraces.nodeTrace(named: "select-timeout")
  let afterSelect = firstStep(trace) { state in
    state.tasks.first?.status == .pending && state.reactor.timers.count >= 3
  }
  let text = screen(trace, atStep: afterSelect)
  #expect(text.contains("80 ms #1 main"), "the slow fetch's timer is still armed")
  Golden.check(text, named: "node-select-timeout-step\(afterSelect).txt")
}
