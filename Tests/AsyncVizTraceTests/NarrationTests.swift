import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// A trace's notes, looked up by the event they explain.
private struct Notes {
  let trace: Trace
  let texts: [String]

  init(_ trace: Trace) {
    self.trace = trace
    texts = trace.notes()
  }

  init(demo: String) { self.init(Workloads.trace(demo)) }

  /// The note of the first event for which `match` holds.
  func first(where match: (EventPayload) -> Bool) -> String? {
    trace.events.indices.first { match(trace.events[$0].payload) }.map { texts[$0] }
  }

  /// The note of the first event of `kind`.
  func first(_ kind: EventKind) -> String? { first { $0.kind == kind } }
}

@Test func everyEventHasOneOrTwoSentences() {
  for (name, trace) in Workloads.all() {
    let notes = trace.notes()
    #expect(notes.count == trace.events.count)
    for (event, text) in zip(trace.events, notes) {
      #expect(!text.isEmpty, "\(name): empty note for \(event.payload.kindName)")
      #expect(!text.contains("\n"), "\(name): \(text)")
      if case .output = event.payload { continue }
      #expect(text.hasSuffix("."), "\(name): \(text)")
      if case .lint = event.payload { continue }
      let sentences = text.split(separator: ". ").count
      #expect(sentences <= 2, "\(name) \(event.payload.kindName): \(text)")
    }
  }
}

@Test func dbThenServiceNotesTeachTheArticle() {
  let notes = Notes(demo: "db-then-service")
  #expect(
    notes.first { if case .spawn(_, .some) = $0 { true } else { false } }
      == "#1 main spawns #2 handler: tokio schedules it at once, at the back of the run queue, where it waits"
      + " while the one thread is busy with #1 main.")
  #expect(
    notes.first { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 handler returned Pending at line 1: db.query is not ready, so its waker stays with the reactor"
      + " for fd 5 (read).")
  #expect(
    notes.first(.reactorReady)
      == "The reactor's Poll::poll (mio, over the simulated epoll_wait) returned: fd 5 is readable"
      + " (db answered #2 handler).")
  // The article's layers: tokio's reactor is mio, over epoll here, kqueue or IOCP elsewhere.
  #expect(
    notes.first { if case .register = $0 { true } else { false } }
      == "#2 handler asks the reactor to watch fd 5 for read: it joins the interest list (mio's"
      + " Registry::register with a Token, for READABLE | WRITABLE as tokio registers a socket, here the"
      + " simulated epoll_ctl ADD; on macOS mio uses kqueue, on Windows IOCP).")
  #expect(
    notes.first { if case .wake(_, .reactor, _, _) = $0 { true } else { false } }
      == "The reactor wakes #2 handler, whose waker it held for fd 5.")
  #expect(
    notes.first { if case .schedule(_, .wake, _) = $0 { true } else { false } }
      == "#2 handler is ready again: it goes into the empty run queue (position 1) and is next to be polled.")
  #expect(
    notes.first { if case .wake(_, .task, _, _) = $0 { true } else { false } }
      == "#2 handler has finished, so it wakes #1 main, which was waiting for it.")
  #expect(
    notes.first(.reactorWait)
      == "The run queue is empty, so the reactor calls mio's Poll::poll (over the simulated epoll_wait) with"
      + " 1 fd in the interest list and no timeout (no timer is armed): it blocks until an fd is ready.")
}

@Test func epollBackendSaysEpollWait() {
  var trace = Workloads.trace("db-then-service")
  trace.program.backend = .epoll
  let notes = Notes(trace)
  #expect(
    notes.first(.reactorReady)
      == "The reactor's Poll::poll (mio, over epoll_wait) returned: fd 5 is readable (db answered #2 handler)."
  )
}

@Test func timersAndCancellationAreExplained() {
  let notes = Notes(demo: "select-timeout")
  #expect(
    notes.first(.deregister)
      == "#1 main gave up on fd 5 before the answer came (its call was cancelled): the fd leaves the"
      + " interest list and is closed.")
  #expect(
    notes.first(.timerFire)
      == "The timer of #1 main is due (deadline 10.000 ms): the reactor takes its waker out of the timer queue."
  )
  #expect(
    notes.first(.timerCancel)
      == "#1 main's sleep was dropped before it fired (select chose another branch): the reactor removes its"
      + " timer for 60.000 ms and drops the waker it held.")
  let sleepNotes = Notes(demo: "timers")
  #expect(
    sleepNotes.first { if case .pollEnd(TaskID(4), .pending, _, _) = $0 { true } else { false } }
      == "#4 sleeper returned Pending at line 1: sleep is not ready, so its waker waits in the reactor's"
      + " timer queue until 1.500 ms.")
}

@Test func aTimeoutWhoseFutureWonCancelsItsTimer() {
  let fast = ResourceSpec(name: "fast", latencyUs: 5_000)
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("guarded", Timeout(durationUs: 30_000, ResourceCall(resource: fast, op: "get", argument: "")))
  rt.run()
  let notes = Notes(rt.trace)
  #expect(
    notes.first(.timerCancel)
      == "#1 guarded's sleep was dropped before it fired (the timeout it belongs to has finished): the reactor"
      + " removes its timer for 30.000 ms and drops the waker it held.")
}

@Test func lintsExplainTheBugAndTheFix() {
  let notes = Notes(demo: "lost-waker")
  let lint = notes.first(.lint)
  #expect(lint?.hasPrefix("Lint lost-waker on #2 lost: returned Pending but no waker") == true)
  #expect(lint?.contains("The fix: store a clone of the waker") == true)
  #expect(
    notes.first { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 lost returned Pending at line 1: lost_waker is not ready, and no one holds its waker: nothing"
      + " can ever wake it.")
}

@Test func yieldingTasksWaitInTheDeferListUntilTheDriverTurn() {
  let notes = Notes(demo: "yields")
  #expect(
    notes.first { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 yielder returned Pending at line 1: yield_now is not ready, so its waker waits in the defer list"
      + " until the scheduler's next driver turn.")
  #expect(
    notes.first { if case .reactorWait = $0 { true } else { false } }
      == "The run queue is empty but yield_now left 3 wakers in the defer list, so the scheduler polls the"
      + " driver without blocking (park_yield): mio's Poll::poll (over the simulated epoll_wait) with timeout 0 collects what is ready,"
      + " then the deferred wakers are woken.")
  #expect(
    notes.first { if case .wake(TaskID(2), .deferred, _, _) = $0 { true } else { false } }
      == "After the driver turn, the scheduler wakes the waker that yield_now left in its defer list for"
      + " #2 yielder.")
}

@Test func aTaskWokenDuringItsPollIsQueuedWhenThePollEnds() throws {
  let notes = Notes(demo: "self-wake")
  let events = notes.trace.events
  let i = try #require(
    events.firstIndex { if case .wake(_, .own, _, _) = $0.payload { true } else { false } })
  // The wake comes during the poll; the schedule only after its poll_end.
  let rest = events[i...]
  let end = try #require(rest.firstIndex { if case .pollEnd = $0.payload { true } else { false } })
  let schedule = try #require(
    rest.firstIndex { if case .schedule(_, .wake, _) = $0.payload { true } else { false } })
  #expect(end < schedule)
  #expect(notes.texts[end].hasSuffix("so it goes back to the run queue now that the poll is over."))
}

@Test func durationsReadLikeTheRuntimes() {
  // The runtime's lint messages use DurationText too; these are the forms it printed
  // when it had its own copy of the rule.
  let expected: [(Int64, String)] = [
    (0, "0 ms"), (1, "1 us"), (999, "999 us"), (1_000, "1 ms"), (1_500, "1.500 ms"), (1_050, "1.050 ms"),
    (1_005, "1.005 ms"), (40_000, "40 ms"), (65_432, "65.432 ms"), (3_600_000_000, "3600000 ms"),
  ]
  for (us, text) in expected {
    #expect(DurationText.duration(us) == text)
  }
  #expect(DurationText.instant(40_000) == "40.000 ms")
  #expect(DurationText.instant(5) == "0.005 ms")
}
