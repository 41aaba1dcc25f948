import AsyncVizTrace

/// The narration: one note per event, a pure function of the event and the
/// reducer's state just before it (this state, after `trace.events[0..<i]`).
/// There is no other replay of the events: what a note needs to know (who
/// holds which waker, what a task waits on, which fds are watched) is in
/// `TraceState`.
extension TraceState {
  /// One plain-language sentence (or two short ones) that explains event `i`
  /// of `trace`; `self` must be the state after the events before it.
  /// `event`: `trace.events[i]`, when the caller has read it.
  public func note(forEvent i: Int, _ event: TraceEvent? = nil, in trace: Trace) -> String {
    var sink = StringNoteSink()
    writeNote(forEvent: i, event, in: trace, into: &sink)
    return sink.result
  }

  /// The note's short form: one line with the essential fact ("#1 main
  /// spawns #2 handler, run queue position 1"), written by the same code as
  /// the full note. Empty when the fact is told by a neighbour's short form
  /// (the queueing right after a spawn or a wake, the waker the reactor
  /// stores right after a register, the second and later fds one wait reports).
  /// Node's and threads' notes, and go's own, have no short forms written
  /// for them: a long one is told by its first clause (`firstClause`).
  public func briefNote(forEvent i: Int, in trace: Trace) -> String {
    var sink = StringNoteSink(brief: true)
    writeNote(forEvent: i, in: trace, into: &sink)
    guard trace.program.model != .rust, sink.result.utf8.count > Self.longBrief else { return sink.result }
    return Self.firstClause(of: sink.result)
  }

  /// The note, written into any sink (the JSON writer writes it escaped).
  /// `event`: `trace.events[i]`, when the caller has read it (the packed log
  /// unpacks an event read by its index).
  package func writeNote<S: NoteSink & ~Copyable>(
    forEvent i: Int, _ event: TraceEvent? = nil, in trace: Trace, into s: inout S
  ) {
    let event = event ?? trace.events[i]
    // Node's, threads' and go's own notes have no short forms of their own:
    // `briefNote` tells a long one by its first clause (z shows them whole).
    switch trace.program.model {
    case .node: writeNodeNote(forEvent: i, event, in: trace, into: &s)
    case .threads: writeThreadsNote(forEvent: i, event, in: trace, into: &s)
    case .go: writeGoNote(forEvent: i, event, in: trace, into: &s)
    case .rust: writeRustNote(forEvent: i, event, in: trace, into: &s)
    }
  }

  /// The rust model's note (tokio's words); go's notes fall back to it for
  /// the events Go's scheduler does not change (timers, the reactor, wakes).
  func writeRustNote<S: NoteSink & ~Copyable>(
    forEvent i: Int, _ event: TraceEvent, in trace: Trace, into s: inout S
  ) {
    if s.brief && isFoldedInBrief(i, in: trace) { return }
    switch event.payload {
    case .spawn(let task, let parent):
      if s.brief {
        if let parent {
          s.label(parent, in: trace)
          s.text(" spawns ")
          s.label(task, in: trace)
          briefQueued(task, after: i, in: trace, into: &s)
        } else {
          s.label(task, in: trace)
          s.text(" is created as the root task, block_on's future: nothing has run yet")
        }
        return
      }
      if let parent {
        s.label(parent, in: trace)
        s.text(" spawns ")
        s.label(task, in: trace)
        // Not "lazy": a spawned task is scheduled at once; it waits only because
        // the one executor thread is busy (tokio's multi-thread runtime could
        // start it on another worker straight away).
        s.text(": tokio schedules it at once, at the back of the run queue, where it waits ")
        s.text("while the one thread is busy with ")
        s.label(parent, in: trace)
        s.text(".")
      } else {
        s.label(task, in: trace)
        s.text(" is created as a root task: nothing of it has run yet (futures are lazy until polled).")
      }
    case .schedule(let task, let cause, let position):
      noteSchedule(task, cause: cause, position: position, in: trace, into: &s)
    case .pollStart(let task):
      notePollStart(task, in: trace, into: &s)
    case .pollEnd(let task, let result, let line, let awaiting):
      if result == .ready {
        notePollReady(task, at: event.tUs, in: trace, into: &s)
      } else {
        notePending(task, line: line, awaiting: awaiting, at: event.tUs, in: trace, into: &s)
      }
      if s.brief { briefPollEndSuffix(task, result: result, at: i, in: trace, into: &s) }
    case .complete(let task):
      noteComplete(task, in: trace, into: &s)
    case .register(let task, let fd, let interest):
      if s.brief {
        s.label(task, in: trace)
        s.text(" registers fd ")
        s.number(Int64(fd))
        s.text(interest == .read ? " for read" : " for write")
        s.text(" (the reactor keeps its waker)")
        return
      }
      s.label(task, in: trace)
      s.text(" asks the reactor to watch fd ")
      s.number(Int64(fd))
      s.text(interest == .read ? " for read" : " for write")
      s.text(": it joins the interest list (mio's Registry::register")
      // The layers are named in full when the list was empty; after that once is enough.
      // tokio registers every socket for both directions when it is made
      // (PollEvented::new); the read is what this task waits for.
      if reactor.interest.isEmpty {
        s.text(" with a Token, for READABLE | WRITABLE as tokio registers a socket")
      }
      s.text(trace.program.backend == .sim ? ", here the simulated epoll_ctl ADD" : ", here epoll_ctl ADD")
      if reactor.interest.isEmpty { s.text("; on macOS mio uses kqueue, on Windows IOCP") }
      s.text(").")
    case .deregister(let fd):
      noteDeregister(fd, in: trace, into: &s)
    case .reactorWait(let timeout):
      noteReactorWait(timeout, in: trace, into: &s)
    case .reactorReady(let fd, let readiness):
      if s.brief {
        s.text("epoll_wait returned:")
        briefReady(at: i, in: trace, into: &s)
        return
      }
      noteReactorReady(fd, readiness: readiness, in: trace, into: &s)
    case .timerSet(let task, let deadline, _):
      s.label(task, in: trace)
      s.text(" arms a timer for ")
      s.instant(deadline)
      s.text(" (")
      s.duration(deadline - event.tUs)
      s.text(s.brief ? " from now)" : " from now): the reactor's timer queue keeps its waker until then.")
    case .timerFire(let task):
      s.text("The timer of ")
      s.label(task, in: trace)
      // The timer that fires is the task's earliest (the one the reducer removes).
      if let due = reactor.timers.first(where: { $0.task == task }), due.deadlineUs <= event.tUs {
        s.text(" is due (deadline ")
        s.instant(due.deadlineUs)
        // Lateness is the blocking lesson: a timer fires only when the
        // executor gets back to the reactor.
        if s.brief && event.tUs > due.deadlineUs {
          s.text(", fired at ")
          s.instant(event.tUs)
          s.text(": ")
          s.duration(event.tUs - due.deadlineUs)
          s.text(" late")
        }
        s.text(")")
      } else {
        s.text(" is due")
      }
      if s.brief { return }
      s.text(": the reactor takes its waker out of the timer queue.")
    case .timerCancel(let task, let deadline):
      noteTimerCancel(task, deadline: deadline, in: trace, into: &s)
    case .wake(let task, let by, let fd, let from):
      noteWake(task, by: by, fd: fd, from: from, in: trace, into: &s)
      if s.brief { briefQueued(task, after: i, in: trace, into: &s) }
    case .wakerClone(let task):
      noteWakerClone(task, after: i > 0 ? trace.events.payload(at: i - 1) : nil, in: trace, into: &s)
    case .wakerDrop(let task):
      s.about(
        task, after: "A stored waker of ", brief: " is dropped (its future was cancelled)",
        full: " is dropped without being woken: the future that held it was cancelled.", in: trace)
      if s.brief { return }
      let t = info(task)
      if t.wakersHeld <= 1 && t.status == .pending && !t.queued {
        s.text(" No one else holds a waker of it now.")
      }
    case .ioSend(let task, let fd, let resource, let op):
      if s.brief {
        briefSend(task, fd: fd, resource: resource, op: op, at: i, in: trace, into: &s)
        return
      }
      s.label(task, in: trace)
      s.text(" connects to ")
      s.string(trace.string(resource))
      s.text(" on fd ")
      s.number(Int64(fd))
      s.text(" and sends its ")
      s.string(trace.string(op))
      s.text(" request: the answer will come later, after the server's latency.")
    case .output(let task, let text):
      notePrint(task, text, at: i, counted: s.brief, in: trace, into: &s)
    case .block(let task, let dur, let line):
      s.blockingCall(by: task, for: dur, in: trace)
      if line != 0 {
        s.text(" at line ")
        s.number(Int64(line))
      }
      if s.brief {
        s.text(": the whole executor stops")
        return
      }
      s.text(": the whole executor thread stops, and no other task can run until it returns.")
    case .lint(let task, let code, let detail):
      noteLint(task, code: code, detail: trace.string(detail), in: trace, into: &s)
    case .deferWake(let task):
      s.label(task, in: trace)
      if s.brief {
        s.text(" yields: its waker waits in the defer list until the next driver turn")
        return
      }
      s.text(
        """
         yields: yield_now puts a clone of its waker in the scheduler's defer list instead of waking it \
        (tokio's defer), so the task comes back only after the scheduler's next driver turn, behind the \
        tasks that turn wakes.
        """)
    case .futureMade(let task, let line, let label):
      s.label(task, in: trace)
      s.text(" makes a ")
      s.string(trace.string(label))
      s.text(s.brief ? " future (line " : " future at line ")
      s.number(Int64(line))
      s.text(
        s.brief
          ? "): not polled, nothing runs (lazy)"
          : """
           and keeps it without awaiting it: a future is lazy, so none of it runs (no request is sent, no \
          timer is armed) until something polls it.
          """)
    case .futurePolled(let task, let line, let label):
      s.text("The ")
      s.string(trace.string(label))
      s.text(" future ")
      s.label(task, in: trace)
      s.text(" made at line ")
      s.number(Int64(line))
      s.text(
        s.brief
          ? " is handed to an await: its first poll is now"
          : """
           is handed to an await (or to join, select or timeout): it is polled for the first time now, as \
          part of the task, and only now starts to run.
          """)
    case .taskDrop(let task):
      s.about(
        task, after: "block_on has returned (main is done), so the runtime drops ", brief: " unfinished",
        full: """
          : it was still alive, and its future is dropped unfinished. It never runs again (tokio shuts down \
          every task still alive when the runtime is dropped).
          """, in: trace)
    case .phase, .microtaskQueue, .microtaskRun, .immediateQueue, .immediateRun, .callPush, .callPop:
      writeNodeNote(forEvent: i, event, in: trace, into: &s)
    case .threadRun, .threadStop, .threadReady:
      writeThreadsNote(forEvent: i, event, in: trace, into: &s)
    case .goRunqPut, .goExecute, .goPark, .goSyscall, .goSyscallExit, .goHandoff, .goPreempt, .goIdle:
      writeGoNote(forEvent: i, event, in: trace, into: &s)
    }
  }

  /// "#2 handler prints: hello" (every model's note of a printed line);
  /// `counted` adds how many lines it prints in a row (rust's short form).
  func notePrint<S: NoteSink & ~Copyable>(
    _ task: TaskID, _ text: StringID, at i: Int, counted: Bool, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    if counted { briefPrintCount(task, at: i, in: trace, into: &s) }
    s.text(" prints: ")
    s.string(trace.string(text))
  }

  /// The reactor's wait: mio's Poll::poll, which is epoll_wait on Linux (or
  /// its simulation), at the start of a sentence or not.
  func waitName<S: NoteSink & ~Copyable>(_ trace: Trace, capitalized: Bool, into s: inout S) {
    s.text(capitalized ? "The reactor's Poll::poll (mio, over " : "mio's Poll::poll (over ")
    s.text(trace.program.backend == .sim ? "the simulated epoll_wait)" : "epoll_wait)")
  }

  /// A task as notes read it; a blank one for an id never seen (a malformed
  /// trace is rejected by the reader, but notes must never trap).
  func info(_ id: TaskID) -> TaskInfo { task(id) ?? TaskInfo(id: id, at: 0) }

  /// "1 task", "3 tasks".
  func count<S: NoteSink & ~Copyable>(_ n: Int, _ one: StaticString, _ many: StaticString, into s: inout S) {
    s.number(Int64(n))
    s.text(" ")
    s.text(n == 1 ? one : many)
  }
}
