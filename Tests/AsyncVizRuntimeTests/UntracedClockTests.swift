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
  let rt = Runtime(
    program: ProgramInfo(name: "clock", source: "", backend: .sim), backend: clock,
    options: RuntimeOptions(tracing: false))
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
