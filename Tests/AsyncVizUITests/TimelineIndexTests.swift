import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizUI
import Testing

/// The timeline's index says what each task did when: db-then-service's
/// first handler is queued, polled, waits on db.query until the reactor
/// wakes it at 40 ms, then on svc.call until 65 ms.
@Test func theTimelineIndexFollowsAHandlerThroughItsTwoWaits() throws {
  let trace = DemoTraces.trace(named: "db-then-service")
  var index = TimelineIndex()
  index.extend(with: trace)
  #expect(index.indexed == trace.events.count)
  let (handler, marks) = index.lane(1, in: trace)  // #2 handler
  let kinds = handler.map { segment -> String in
    switch segment.activity {
    case .ready: "ready@\(segment.startUs)"
    case .polling: "poll@\(segment.startUs)"
    case .waiting(let awaited): "\(awaited.phrase(in: trace))@\(segment.startUs)"
    }
  }
  #expect(
    kinds == [
      "ready@0", "poll@0", "db.query@0", "ready@40000", "poll@40000", "svc.call@40000", "ready@65000",
      "poll@65000",
    ])
  #expect(handler.last?.endUs == 65_000)  // closed by its completion
  #expect(marks.map(\.tUs) == [40_000, 65_000])
  #expect(marks.allSatisfy { $0.by == .reactor && $0.lateUs == 0 })
}

/// A timer that fires late says by how much: blocking-the-executor's ticker
/// was due at 20 ms and woke at 115 ms, after the 100 ms block.
@Test func aLateTimerWakeCarriesItsLateness() {
  let trace = DemoTraces.trace(named: "blocking-the-executor")
  var index = TimelineIndex()
  index.extend(with: trace)
  let ticker = index.lane(1, in: trace).marks  // #2 ticker
  #expect(ticker.filter { $0.lateUs > 0 }.map(\.lateUs) == [95_000])
  #expect(ticker.allSatisfy { $0.by == .timer })
}

/// The index of a big run stays small beside its events: a few bytes for
/// each event a lane is drawn from, not a segment per status change and a
/// mark per wake (about 30 bytes an event on the view benchmark's run,
/// which this bound fails). Built in
/// two slices, as a live run or a file read in slices extends it, and the
/// lanes are the same as those of an index built in one go.
@Test func theTimelineIndexOfABigRunStaysWithinBytesPerEvent() {
  let trace = NativePrograms.sleepers(tasks: 2_000, rounds: 10)
  var whole = TimelineIndex()
  whole.extend(with: trace)
  var first = trace
  first.events.removeLast(trace.events.count / 2)
  var sliced = TimelineIndex()
  sliced.extend(with: first)
  sliced.extend(with: trace)
  let events = trace.events.count
  #expect(whole.storedBytes <= events * 12, "\(whole.storedBytes / events) bytes per event")
  #expect(sliced.indexed == events && sliced.taskCount == trace.tasks.count)
  for k in [1, 2, 1_000, 2_000] {
    let a = whole.lane(k, in: trace)
    let b = sliced.lane(k, in: trace)
    #expect(a.segments == b.segments && a.marks == b.marks)
    #expect(a.segments.count >= 10 && a.marks.count >= 10)
  }
}
