import AsyncVizTrace

/// Notes about waiting: Pending polls, the reactor, fds.
extension TraceState {
  func notePending<S: NoteSink & ~Copyable>(
    _ task: TaskID, line: Int32, awaiting: StringID, at now: Int64, in trace: Trace, into s: inout S
  ) {
    let t = info(task)
    let what = trace.string(awaiting)
    s.label(task, in: trace)
    s.text(" returned Pending")
    if line != 0 {
      s.text(" at line ")
      s.number(Int64(line))
    }
    s.text(": ")
    if what.isEmpty {
      s.text("it cannot finish yet")
    } else {
      s.string(what)
      s.text(" is not ready")
      switch what {
      case "join": s.text(" (it needs all of its futures)")
      case "select": s.text(" (it needs any one of its futures)")
      case "timeout": s.text(" (neither its future nor its deadline is)")
      default: break
      }
    }
    if t.wokenInPoll {
      s.text(
        ", but it was woken during the poll, so it goes back to the run queue now that the poll is over.")
      return
    }
    if t.deferredInPoll {
      s.text(", so its waker waits in the defer list until the scheduler's next driver turn.")
      return
    }
    let watched = reactor.registrations(of: task, count: Int(t.fdsWatched))
    if let entry = watched.first(where: { labelMatches($0, what, in: trace) }) {
      s.text(", so its waker stays with the reactor for fd ")
      s.number(Int64(entry.fd))
      s.text(entry.interest == .write ? " (write)." : " (read).")
      return
    }
    // The newest few only: a note names at most `listedHolders` of them, and
    // fetching (and sorting) all of a join of 60,000 sleeps' timers for every
    // note made the transcript quadratic.
    let timers = reactor.timers(of: task, count: min(Int(t.timersArmed), TraceState.listedHolders + 1))
    if what == "sleep", let timer = timers.last(where: { $0.deadlineUs > now }) {
      s.text(", so its waker waits in the reactor's timer queue until ")
      s.instant(timer.deadlineUs)
      s.text(".")
      return
    }
    if what.hasPrefix("join #"), let n = UInt32(what.dropFirst(6)) {
      s.text(", so it waits until ")
      s.label(TaskID(n), in: trace)
      s.text(" finishes and wakes it.")
      return
    }
    if t.wakersHeld <= 0 {
      s.text(", and no one holds its waker: nothing can ever wake it.")
      return
    }
    if what.hasSuffix(".recv") {
      s.text(" (the channel is empty), so its waker waits in the channel until a value is sent.")
    } else if what.hasSuffix(".send") {
      s.text(" (the channel is full), so its waker waits in the channel until a value is taken.")
    } else {
      noteHolders(t, fds: watched, timers: timers, at: now, into: &s)
    }
  }

  /// ", so it waits for fd 5 (db.query), a timer at 65.000 ms: 3 stored wakers."
  private func noteHolders<S: NoteSink & ~Copyable>(
    _ t: TaskInfo, fds: [ReactorState.Registration], timers: [ReactorState.Timer], at now: Int64,
    into s: inout S
  ) {
    s.text(", so it waits: ")
    count(Int(t.wakersHeld), "stored waker", "stored wakers", into: &s)
    s.text(" can wake it")
    // At most `listedHolders` are named: a join of 60,000 sleeps would
    // otherwise make every note 60,000 items long (quadratic in all).
    var listed = 0
    for entry in fds {
      if listed == TraceState.listedHolders { break }
      s.text(listed == 0 ? " (fd " : ", fd ")
      s.number(Int64(entry.fd))
      listed += 1
    }
    var more = false
    for timer in timers where timer.deadlineUs > now {
      if listed == TraceState.listedHolders {
        more = true
        break
      }
      s.text(listed == 0 ? " (a timer at " : ", a timer at ")
      s.instant(timer.deadlineUs)
      listed += 1
    }
    if more || (listed == TraceState.listedHolders && Int(t.wakersHeld) > listed) { s.text(", ...") }
    s.text(listed == 0 ? "." : ").")
  }

  /// How many of a waiting task's waker holders a note names.
  static let listedHolders = 4

  /// Whether `awaiting` is "resource.op" of the fd's request.
  private func labelMatches(_ entry: ReactorState.Registration, _ awaiting: String, in trace: Trace) -> Bool {
    let resource = trace.string(entry.resource)
    let op = trace.string(entry.op)
    let a = awaiting.utf8
    guard a.count == resource.utf8.count + 1 + op.utf8.count, !resource.isEmpty else { return false }
    return a.starts(with: resource.utf8) && a.dropFirst(resource.utf8.count + 1).elementsEqual(op.utf8)
      && a.dropFirst(resource.utf8.count).first == UInt8(ascii: ".")
  }

  func noteDeregister<S: NoteSink & ~Copyable>(_ fd: Int32, in trace: Trace, into s: inout S) {
    guard let entry = reactor.registration(fd: fd) else {
      s.text("fd ")
      s.number(Int64(fd))
      s.text(" leaves the interest list and is closed.")
      return
    }
    let resource = trace.string(entry.resource)
    s.label(entry.task, in: trace)
    if entry.answered {
      s.text(" has read the answer")
      if !resource.isEmpty {
        s.text(" of ")
        s.string(resource)
      }
      s.text(", so fd ")
      s.number(Int64(fd))
      s.text(" leaves the interest list and is closed.")
    } else {
      s.text(" gave up on fd ")
      s.number(Int64(fd))
      s.text(
        " before the answer came (its call was cancelled): the fd leaves the interest list and is closed.")
    }
  }

  func noteReactorWait<S: NoteSink & ~Copyable>(_ timeout: Int64?, in trace: Trace, into s: inout S) {
    let watched = reactor.interest.count
    if !runQueue.isEmpty {
      s.text("block_on has polled ")
      count(pollsSinceDriver, "task", "tasks", into: &s)
      s.text(
        """
         since the driver last ran (tokio's event_interval is 61), so it polls the driver without blocking \
        (park_yield) although the run queue is not empty:
        """)
      s.text(" ")
      waitName(trace, capitalized: false, into: &s)
      s.text(" with timeout 0 collects the fds that are ready and the timers that are due.")
      return
    }
    if deferredWakers > 0 {
      s.text("The run queue is empty but yield_now left ")
      count(deferredWakers, "waker", "wakers", into: &s)
      s.text(" in the defer list, so the scheduler polls the driver without blocking (park_yield): ")
      waitName(trace, capitalized: false, into: &s)
      s.text(" with timeout 0 collects what is ready, then the deferred wakers are woken.")
      return
    }
    if blockOnWoken && timeout == 0 {
      s.text("The run queue is empty and main, block_on's future, was woken, so the driver is polled ")
      s.text("without blocking before main is: ")
      waitName(trace, capitalized: false, into: &s)
      s.text(" with timeout 0 collects what is ready.")
      return
    }
    s.text("The run queue is empty, so the reactor calls ")
    waitName(trace, capitalized: false, into: &s)
    s.text(" with ")
    count(watched, "fd", "fds", into: &s)
    s.text(" in the interest list")
    guard let timeout else {
      s.text(" and no timeout (no timer is armed): it blocks until an fd is ready.")
      return
    }
    if timeout == 0 {
      s.text(" and timeout 0: a timer is already due, so it only collects what is ready.")
    } else {
      s.text(" and timeout ")
      s.duration(timeout)
      s.text(" (the next timer): it blocks until an fd is ready or the timer is due.")
    }
  }

  func noteReactorReady<S: NoteSink & ~Copyable>(
    _ fd: Int32, readiness: Interest, in trace: Trace, into s: inout S
  ) {
    if (reactor.lastWait?.ready.count ?? 0) == 0 {
      waitName(trace, capitalized: true, into: &s)
      s.text(" returned: fd ")
      s.number(Int64(fd))
      s.text(readiness == .read ? " is readable" : " is writable")
    } else {
      s.text("It also reports fd ")
      s.number(Int64(fd))
      s.text(readiness == .read ? " readable" : " writable")
    }
    if let entry = reactor.registration(fd: fd), !trace.string(entry.resource).isEmpty {
      s.text(" (")
      s.string(trace.string(entry.resource))
      s.text(" answered ")
      s.label(entry.task, in: trace)
      s.text(").")
    } else {
      s.text(".")
    }
  }

  /// Why the sleep went away comes from what the task was awaiting: during
  /// the poll that drops it, that is the combinator it resumed in.
  func noteTimerCancel<S: NoteSink & ~Copyable>(
    _ task: TaskID, deadline: Int64, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    s.text("'s sleep was dropped before it fired (")
    switch trace.string(info(task).awaiting) {
    case "select": s.text("select chose another branch")
    case "timeout": s.text("the timeout it belongs to has finished")
    default: s.text("the future that awaited it was cancelled")
    }
    s.text("): the reactor removes its timer for ")
    s.instant(deadline)
    s.text(" and drops the waker it held.")
  }
}
