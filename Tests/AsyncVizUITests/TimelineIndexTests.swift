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
