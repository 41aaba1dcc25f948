import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

/// A clock that moves by itself, as a real one does, but predictably: every
/// read is one microsecond after the one before. The rest is the sim's.
private final class TickingClock: SimBackendWrapper {
  let inner = SimBackend()
  private(set) var reads: Int64 = 0

  var now: Int64 {
    reads += 1
    return inner.now + reads
  }
  var clockMovesByItself: Bool { true }
}

/// A runtime with tracing off on `clock`.
private func untracedRuntime(on clock: TickingClock) -> Runtime {
  Runtime(
    program: ProgramInfo(name: "clock", source: "", backend: .sim), backend: clock,
    options: RuntimeOptions(tracing: false))
}

/// Notes the time its poll saw, then yields once.
private struct NotesTime: Future {
  var yielded = false
  var seen: [Int64] = []

  mutating func poll(_ cx: inout Context) -> Poll<[Int64]> {
    seen.append(cx.now)
    if yielded { return .ready(seen) }
    yielded = true
    cx.wakeSelf()
    return .pending
  }
}

/// With tracing off the clock is not read at the end of a poll (nothing
/// then needs it); the time a caller sees afterwards, and the run's end
/// time, must still be read after the poll, not be its start's reading.
@Test func untracedRunsReadTheClockAfterAPollWhenAskedAndAtTheEnd() {
  let clock = TickingClock()
  let rt = untracedRuntime(on: clock)
  let task = rt.spawn("noter", NotesTime())
  #expect(rt.step() == .polled(task.task, .pending))
  let afterFirst = rt.now
  var end: RunEnd?
  while end == nil {
    if case .finished(let e) = rt.step() { end = e }
  }
  let seen = rt.output(of: task.task, as: [Int64].self) ?? []
  #expect(seen.count == 2)
  #expect(afterFirst > (seen.first ?? .max))
  #expect((end?.tUs ?? 0) > (seen.last ?? .max))
}

/// Wakes itself `left` more times, never asking the time.
private struct Spins: Future {
  var left: Int

  mutating func poll(_ cx: inout Context) -> Poll<Int> {
    if left == 0 { return .ready(0) }
    left -= 1
    cx.wakeSelf()
    return .pending
  }
}

/// With tracing off nothing records the time, so a run whose tasks never
/// ask for it reads the clock only where the runtime itself needs a value:
/// when it is made and at the run's end, however many polls and reactor
/// turns there are (each poll used to read it at its start).
@Test func untracedRunsReadTheClockOnlyWhereATimeIsUsed() {
  let clock = TickingClock()
  let rt = untracedRuntime(on: clock)
  rt.spawn("a", Spins(left: 300))
  rt.spawn("b", Spins(left: 300))
  let end = rt.run()
  #expect(end.reason == .completed)
  #expect(end.steps > 600)
  #expect(clock.reads == 2)
  #expect(end.tUs == clock.inner.now + 2)
}

/// Sleeps for `us`, noting the time before and after.
private struct SleepsOnce: Future {
  let us: Int64
  var sleep: Sleep?
  var before: Int64 = 0

  mutating func poll(_ cx: inout Context) -> Poll<(before: Int64, after: Int64)> {
    if sleep == nil {
      before = cx.now
      sleep = Sleep(durationUs: us)
    }
    guard case .ready = sleep?.poll(&cx) else { return .pending }
    return .ready((before, cx.now))
  }
}

/// A clock left unread stays correct where a time is used: the timers fire
/// (the turn reads the clock when timers are armed), and a future that asks
/// after its sleep sees at least the sleep's deadline.
@Test func untracedRunsReadTheClockForTimersAndForFuturesThatAsk() {
  let clock = TickingClock()
  let rt = untracedRuntime(on: clock)
  let first = rt.spawn("first", SleepsOnce(us: 100))
  let second = rt.spawn("second", SleepsOnce(us: 250))
  #expect(rt.run().reason == .completed)
  for (task, us) in [(first.task, Int64(100)), (second.task, 250)] {
    let seen = rt.output(of: task, as: (before: Int64, after: Int64).self)
    #expect(seen != nil)
    if let seen { #expect(seen.after >= seen.before + us) }
  }
}
