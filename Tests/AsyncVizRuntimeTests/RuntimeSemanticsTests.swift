import AsyncVizRuntime
import AsyncVizTrace
import Testing

/// A native version of the article's handler: a db query, then a service call.
private struct Handler: Future {
  enum State {
    case start
    case querying(ResourceCall)
    case calling(ResourceCall)
  }
  let db = ResourceSpec(name: "db", latencyUs: 40_000)
  let svc = ResourceSpec(name: "svc", latencyUs: 25_000)
  var state = State.start

  mutating func poll(_ cx: inout Context) -> Poll<String> {
    while true {
      switch state {
      case .start:
        state = .querying(ResourceCall(resource: db, op: "query", argument: "id = 1"))
      case .querying(var call):
        let r = call.poll(&cx)
        state = .querying(call)
        guard case .ready(let rows) = r else { return .pending }
        state = .calling(ResourceCall(resource: svc, op: "call", argument: (try? rows.get()) ?? "?"))
      case .calling(var call):
        let r = call.poll(&cx)
        state = .calling(call)
        guard case .ready(let reply) = r else { return .pending }
        return .ready((try? reply.get()) ?? "?")
      }
    }
  }
}

private func kinds(_ trace: Trace, task: UInt32) -> [String] {
  trace.events.filter { $0.payload.task == TaskID(task) }.map(\.payload.kindName)
}

@Test func dbThenServiceTakesTheSumOfLatencies() {
  let rt = Runtime(program: ProgramInfo(name: "native", source: "", backend: .sim))
  let h = rt.spawn("handler", Handler())
  let end = rt.run()
  #expect(end.reason == .completed)
  #expect(end.tUs == 65_000)
  #expect(rt.output(of: h.task, as: String.self) == "svc.call(db.query(id = 1))")
  let k = kinds(rt.trace, task: 1)
  #expect(
    k == [
      "spawn", "schedule", "poll_start", "io_send", "register", "waker_clone", "poll_end",
      "wake", "schedule", "poll_start", "io_send", "register", "waker_clone", "poll_end",
      "wake", "schedule", "poll_start", "poll_end", "complete",
    ])
  let fds = rt.trace.events.compactMap { e -> Int32? in
    if case .reactorReady(let fd, _) = e.payload { return fd } else { return nil }
  }
  #expect(fds == [5, 5])  // the kernel reuses the lowest free fd
}

@Test func aReadyTaskIsNotQueuedTwice() {
  struct DoubleWake: Future {
    var polled = false
    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      if polled { return .ready(()) }
      polled = true
      cx.wakeSelf()
      cx.wakeSelf()
      return .pending
    }
  }
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("w", DoubleWake())
  #expect(rt.run().reason == .completed)
  let schedules = rt.trace.events.filter { if case .schedule = $0.payload { true } else { false } }
  #expect(schedules.count == 2)  // spawn + one wake; the second wake found it queued
  let polls = rt.trace.events.filter { if case .pollStart = $0.payload { true } else { false } }
  #expect(polls.count == 2)
}

@Test func equalDeadlinesFireInInsertionOrder() {
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  for name in ["a", "b", "c"] { rt.spawn(name, Sleep(durationUs: 1_000)) }
  #expect(rt.run().reason == .completed)
  let fired = rt.trace.events.compactMap { e -> UInt32? in
    if case .timerFire(let t) = e.payload { return t.rawValue } else { return nil }
  }
  #expect(fired == [1, 2, 3])
}

@Test func aLostWakerEndsStuckAndIsLinted() {
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("lost", LostWaker())
  let end = rt.run()
  #expect(end.reason == .stuck)
  #expect(end.stuckTasks == [TaskID(1)])
  #expect(rt.trace.events.contains { if case .lint(_, .lostWaker, _) = $0.payload { true } else { false } })
}

@Test func stepLimitEndsTheRun() {
  struct Forever: Future {
    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      cx.wakeSelf()
      return .pending
    }
  }
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim), options: .init(maxSteps: 50))
  rt.spawn("spin", Forever())
  let end = rt.run()
  #expect(end.reason == .maxSteps)
  #expect(end.steps == 50)
}
