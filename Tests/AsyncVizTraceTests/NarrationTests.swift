import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// The note of the first event for which `match` holds.
private func note(
  _ trace: Trace, _ notes: [String], where match: (EventPayload) -> Bool
) -> String? {
  trace.events.indices.first { match(trace.events[$0].payload) }.map { notes[$0] }
}

/// The note of the first event of `kind`.
private func note(_ trace: Trace, _ notes: [String], _ kind: EventKind) -> String? {
  note(trace, notes) { $0.kind == kind }
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
  let trace = Workloads.trace("db-then-service")
  let notes = trace.notes()
  #expect(
    note(trace, notes) { if case .spawn(_, .some) = $0 { true } else { false } }
      == "#1 main spawns #2 handler: tokio schedules it at once, at the back of the run queue, where it waits"
      + " while the one thread is busy with #1 main.")
  #expect(
    note(trace, notes) { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 handler returned Pending at line 1: db.query is not ready, so its waker stays with the reactor"
      + " for fd 5 (read).")
  #expect(
    note(trace, notes, .reactorReady)
      == "The reactor's Poll::poll (mio, over the simulated epoll_wait) returned: fd 5 is readable"
      + " (db answered #2 handler).")
  // The article's layers: tokio's reactor is mio, over epoll here, kqueue or IOCP elsewhere.
  #expect(
    note(trace, notes) { if case .register = $0 { true } else { false } }
      == "#2 handler asks the reactor to watch fd 5 for read: it joins the interest list (mio's"
      + " Registry::register with a Token, for READABLE | WRITABLE as tokio registers a socket, here the"
      + " simulated epoll_ctl ADD; on macOS mio uses kqueue, on Windows IOCP).")
  #expect(
    note(trace, notes) { if case .wake(_, .reactor, _, _) = $0 { true } else { false } }
      == "The reactor wakes #2 handler, whose waker it held for fd 5.")
  #expect(
    note(trace, notes) { if case .schedule(_, .wake, _) = $0 { true } else { false } }
      == "#2 handler is ready again: it goes into the empty run queue (position 1) and is next to be polled.")
  #expect(
    note(trace, notes) { if case .wake(_, .task, _, _) = $0 { true } else { false } }
      == "#2 handler has finished, so it wakes #1 main, which was waiting for it.")
  #expect(
    note(trace, notes, .reactorWait)
      == "The run queue is empty, so the reactor calls mio's Poll::poll (over the simulated epoll_wait) with"
      + " 1 fd in the interest list and no timeout (no timer is armed): it blocks until an fd is ready.")
}

@Test func epollBackendSaysEpollWait() {
  var trace = Workloads.trace("db-then-service")
  trace.program.backend = .epoll
  let notes = trace.notes()
  #expect(
    note(trace, notes, .reactorReady)
      == "The reactor's Poll::poll (mio, over epoll_wait) returned: fd 5 is readable (db answered #2 handler)."
  )
}

@Test func timersAndCancellationAreExplained() {
  let trace = Workloads.trace("select-timeout")
  let notes = trace.notes()
  #expect(
    note(trace, notes, .deregister)
      == "#1 main gave up on fd 5 before the answer came (its call was cancelled): the fd leaves the"
      + " interest list and is closed.")
  #expect(
    note(trace, notes, .timerFire)
      == "The timer of #1 main is due (deadline 10.000 ms): the reactor takes its waker out of the timer queue."
  )
  #expect(
    note(trace, notes, .timerCancel)
      == "#1 main's sleep was dropped before it fired (select chose another branch): the reactor removes its"
      + " timer for 60.000 ms and drops the waker it held.")
  let sleeps = Workloads.trace("timers")
  let sleepNotes = sleeps.notes()
  #expect(
    note(sleeps, sleepNotes) { if case .pollEnd(TaskID(4), .pending, _, _) = $0 { true } else { false } }
      == "#4 sleeper returned Pending at line 1: sleep is not ready, so its waker waits in the reactor's"
      + " timer queue until 1.500 ms.")
}

@Test func aTimeoutWhoseFutureWonCancelsItsTimer() {
  let fast = ResourceSpec(name: "fast", latencyUs: 5_000)
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("guarded", Timeout(durationUs: 30_000, ResourceCall(resource: fast, op: "get", argument: "")))
  rt.run()
  let trace = rt.trace
  let notes = trace.notes()
  #expect(
    note(trace, notes, .timerCancel)
      == "#1 guarded's sleep was dropped before it fired (the timeout it belongs to has finished): the reactor"
      + " removes its timer for 30.000 ms and drops the waker it held.")
}

@Test func lintsExplainTheBugAndTheFix() {
  let trace = Workloads.trace("lost-waker")
  let notes = trace.notes()
  let lint = note(trace, notes, .lint)
  #expect(lint?.hasPrefix("Lint lost-waker on #2 lost: returned Pending but no waker") == true)
  #expect(lint?.contains("The fix: store a clone of the waker") == true)
  #expect(
    note(trace, notes) { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 lost returned Pending at line 1: lost_waker is not ready, and no one holds its waker: nothing"
      + " can ever wake it.")
}

@Test func yieldingTasksWaitInTheDeferListUntilTheDriverTurn() {
  let trace = Workloads.trace("yields")
  let notes = trace.notes()
  #expect(
    note(trace, notes) { if case .pollEnd(TaskID(2), .pending, _, _) = $0 { true } else { false } }
      == "#2 yielder returned Pending at line 1: yield_now is not ready, so its waker waits in the defer list"
      + " until the scheduler's next driver turn.")
  #expect(
    note(trace, notes) { if case .reactorWait = $0 { true } else { false } }
      == "The run queue is empty but yield_now left 3 wakers in the defer list, so the scheduler polls the"
      + " driver without blocking (park_yield): mio's Poll::poll (over the simulated epoll_wait) with timeout 0 collects what is ready,"
      + " then the deferred wakers are woken.")
  #expect(
    note(trace, notes) { if case .wake(TaskID(2), .deferred, _, _) = $0 { true } else { false } }
      == "After the driver turn, the scheduler wakes the waker that yield_now left in its defer list for"
      + " #2 yielder.")
}

@Test func aTaskWokenDuringItsPollIsQueuedWhenThePollEnds() throws {
  let trace = Workloads.trace("self-wake")
  let notes = trace.notes()
  let i = try #require(
    trace.events.firstIndex { if case .wake(_, .own, _, _) = $0.payload { true } else { false } })
  // The wake comes during the poll; the schedule only after its poll_end.
  let rest = trace.events[i...]
  let end = try #require(rest.firstIndex { if case .pollEnd = $0.payload { true } else { false } })
  let schedule = try #require(
    rest.firstIndex { if case .schedule(_, .wake, _) = $0.payload { true } else { false } })
  #expect(end < schedule)
  #expect(notes[end].hasSuffix("so it goes back to the run queue now that the poll is over."))
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
