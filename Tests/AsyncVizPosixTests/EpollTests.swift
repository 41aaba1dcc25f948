import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Foundation
import Testing

/// Every test that opens kernel objects runs in this one serialized suite, so
/// the fd-leak count is not disturbed by another epoll test running beside it.
@Suite(.serialized) struct EpollTests {
  @Test(arguments: Scenarios.names)
  func simAndEpollAgreeTaskByTask(_ name: String) throws {
    let steps = Scenarios.steps(of: name)
    let sim = LogicalEvents(Scenarios.run(name, steps, on: SimBackend()))
    #expect(sim.end == .completed)
    let epoll = try RealTime.agreeing(with: sim) { () throws(BackendError) in
      let backend = try EpollBackend()
      let trace = Scenarios.run(name, Scenarios.steps(of: name), on: backend)
      // Every kernel wait is a reactor_wait of the trace, and vice versa.
      #expect(backend.waitCounts.calls == EpollTests.reactorWaits(in: trace))
      return LogicalEvents(trace)
    }
    #expect(sim == epoll, "sim:\n\(sim)\nepoll:\n\(epoll)")
  }

  @Test func dbThenServiceShowsRealFdsAndTheWaitsThatReturnedThem() throws {
    let trace = Scenarios.run("db-then-service", Scenarios.all[0].steps, on: try EpollBackend())
    let sent = trace.events.compactMap { e -> Int32? in
      if case .ioSend(_, let fd, _, _) = e.payload { fd } else { nil }
    }
    let ready = trace.events.compactMap { e -> Int32? in
      if case .reactorReady(let fd, .read) = e.payload { fd } else { nil }
    }
    #expect(sent.count == 2)
    #expect(ready == sent)  // each wait returned the fd the request went out on
    let outputs = trace.events.compactMap { e -> String? in
      if case .output(_, let text) = e.payload { trace.string(text) } else { nil }
    }
    #expect(outputs == ["handled: svc.call(db.query(start))"])
    // Elapsed real time: at least the two latencies, one after the other.
    #expect((trace.end?.tUs ?? 0) >= Scenarios.db.latencyUs + Scenarios.svc.latencyUs)
  }

  @Test func aThousandConcurrentRequestsComplete() throws {
    let r = ResourceSpec(name: "db", latencyUs: 20_000)
    let steps: [Step] = (0..<1_000).map { .spawn("h\($0)", [.call(r, op: "get")]) } + [.awaitSpawned]
    let backend = try EpollBackend()
    let trace = Scenarios.run("thousand", steps, on: backend)
    #expect(trace.end?.reason == .completed)
    let sends = trace.events.filter { if case .ioSend = $0.payload { true } else { false } }
    #expect(sends.count == 1_000)
    let waits = trace.events.filter { if case .reactorWait = $0.payload { true } else { false } }
    // One kernel wait per reactor turn, and each answer woke its handler once.
    #expect(backend.waitCounts.calls == waits.count)
    let reactorWakes = trace.events.filter {
      if case .wake(_, .reactor, _, _) = $0.payload { true } else { false }
    }
    #expect(reactorWakes.count == 1_000)
    #expect(backend.failure == nil)
  }

  @Test func aPeerThatHangsUpGivesTheTaskAnErrorValue() throws {
    let backend = try EpollBackend(hangUpResources: ["db"])
    let steps: [Step] = [.call(Scenarios.db, op: "query"), .print("db: "), .call(Scenarios.svc, op: "call")]
    let trace = Scenarios.run("hang-up", steps, on: backend)
    #expect(trace.end?.reason == .completed)
    let outputs = trace.events.compactMap { e -> String? in
      if case .output(_, let text) = e.payload { trace.string(text) } else { nil }
    }
    #expect(outputs.count == 1)
    let text = try #require(outputs.first)
    #expect(text.hasPrefix("db: error: read("))
    #expect(text.hasSuffix("): the db server closed the connection without answering"))
    // The run went on: the svc call after the failure was answered.
    let ready = trace.events.filter { if case .reactorReady = $0.payload { true } else { false } }
    #expect(ready.count == 2)
  }
}
