import AsyncVizNodeRuntime
import AsyncVizTrace
import Testing

// Node's event loop alone, driven by plain callbacks (the node model's .av
// programs are in AsyncVizLangTests/NodeModelTests.swift).

/// A loop whose first macrotask is `main`, and a log the callbacks write to.
private final class Harness {
  let loop = EventLoop(program: ProgramInfo(name: "t", source: "", backend: .sim))
  var log: [String] = []
  let task: TaskID

  init() { task = loop.called("main", by: nil) }

  func note(_ s: String) { log.append("\(s)@\(loop.now / 1000)") }

  func run(_ main: @escaping (Harness) -> Void) -> RunEnd {
    loop.start { [self] in main(self) }
    return loop.run()
  }
}

@Test func timersRunByDeadlineThenByArmingOrder() {
  let h = Harness()
  let end = h.run { h in
    h.loop.setTimeout(for: h.task, us: 5_000) { h.note("a") }
    h.loop.setTimeout(for: h.task, us: 2_000) { h.note("b") }
    h.loop.setTimeout(for: h.task, us: 5_000) { h.note("c") }
  }
  #expect(h.log == ["b@2", "a@5", "c@5"])
  #expect(end.tUs == 5_000)
}

@Test func aDelayUnderOneMillisecondIsOneMillisecondAndFractionsRoundUp() {
  let h = Harness()
  _ = h.run { h in
    h.loop.setTimeout(for: h.task, us: 0) { h.note("zero") }
    h.loop.setTimeout(for: h.task, us: 2_100) { h.note("fraction") }
  }
  #expect(h.log == ["zero@1", "fraction@3"])
}

@Test func theMicrotaskQueueDrainsBeforeTheNextMacrotask() {
  let h = Harness()
  _ = h.run { h in
    h.loop.setTimeout(for: h.task, us: 1_000) {
      h.note("timer 1")
      h.loop.queueMicrotask(for: h.task, .reaction) {
        h.note("job 1")
        h.loop.queueMicrotask(for: h.task, .reaction) { h.note("job 2") }
      }
    }
    h.loop.setTimeout(for: h.task, us: 1_000) { h.note("timer 2") }
  }
  #expect(h.log == ["timer 1@1", "job 1@1", "job 2@1", "timer 2@1"])
}

@Test func immediatesQueuedInTheCheckPhaseWaitForTheNextTurn() {
  let h = Harness()
  _ = h.run { h in
    h.loop.setImmediate(for: h.task) {
      h.note("immediate 1")
      h.loop.pass(2_000)
      h.loop.setImmediate(for: h.task) { h.note("immediate 3") }
    }
    h.loop.setImmediate(for: h.task) { h.note("immediate 2") }
    h.loop.setTimeout(for: h.task, us: 1) { h.note("timer") }
  }
  // The first check phase runs only the immediates queued before it; the
  // timer fell due meanwhile, so the next turn's timers phase runs it before
  // the immediate queued during that check phase.
  #expect(h.log == ["immediate 1@0", "immediate 2@2", "timer@2", "immediate 3@2"])
  let phases = h.loop.trace.events.compactMap { e -> LoopPhase? in
    if case .phase(let p) = e.payload { return p }
    return nil
  }
  #expect(phases == [.timers, .check, .timers, .check])
}

@Test func theLoopExitsWhenNothingIsLeftAndSaysWhetherMainReturned() {
  let h = Harness()
  let end = h.run { h in
    h.loop.setTimeout(for: h.task, us: 3_000) { h.note("late") }
  }
  #expect(end.reason == .stuck)  // main's promise was never reported fulfilled
  #expect(end.stuckTasks == [h.task])
  let done = Harness()
  let finished = done.run { h in
    h.loop.completed(h.task)
    h.loop.mainReturned()
  }
  #expect(finished.reason == .completed && finished.tUs == 0)
}

@Test func aBlockingStretchLeavesTimersDueDuringItForTheNextTurn() {
  let h = Harness()
  _ = h.run { h in
    h.loop.setTimeout(for: h.task, us: 1_000) {
      h.note("first")
      h.loop.pass(10_000)
      h.loop.setImmediate(for: h.task) { h.note("immediate") }
    }
    h.loop.setTimeout(for: h.task, us: 2_000) { h.note("second") }
  }
  // "second" fell due during the block, after this timers phase took its
  // time: the check phase of this turn runs first (Node's processTimers
  // compares against the `now` it started with).
  #expect(h.log == ["first@1", "immediate@11", "second@11"])
}
