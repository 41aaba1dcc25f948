import AsyncVizTrace

/// Notes about waiting: Pending polls, the reactor, fds.
extension TraceState {
  func notePending<S: NoteSink & ~Copyable>(
    _ task: TaskID, line: Int32, awaiting: Awaited, at now: Int64, in trace: Trace, into s: inout S
  ) {
    let t = info(task)
    s.label(task, in: trace)
    s.text(" returned Pending")
    if line != 0 {
      s.text(" at line ")
      s.number(Int64(line))
    }
    s.text(": ")
    switch awaiting {
    case .nothing: s.text("it cannot finish yet")
    case .join: s.text(s.brief ? "join is not ready" : "join is not ready (it needs all of its futures)")
    case .select:
      s.text(s.brief ? "select is not ready" : "select is not ready (it needs any one of its futures)")
    case .timeout:
      s.text(
        s.brief ? "timeout is not ready" : "timeout is not ready (neither its future nor its deadline is)")
    default:
      s.string(awaiting.phrase(in: trace))
      s.text(" is not ready")
    }
    if s.brief {
      briefWaiter(t, awaiting: awaiting, into: &s)
      return
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
    if case .resourceCall(let resource, let op) = awaiting,
      let entry = watched.first(where: { $0.resource == resource && $0.op == op })
    {
      s.text(", so its waker stays with the reactor for fd ")
      s.number(Int64(entry.fd))
      s.text(entry.interest == .write ? " (write)." : " (read).")
      return
    }
    // The newest few only: a note names at most `listedHolders` of them, and
    // fetching (and sorting) all of a join of 60,000 sleeps' timers for every
    // note made the transcript quadratic.
    let timers = reactor.timers(of: task, count: min(Int(t.timersArmed), TraceState.listedHolders + 1))
    if case .sleep = awaiting, let timer = timers.last(where: { $0.deadlineUs > now }) {
      s.text(", so its waker waits in the reactor's timer queue until ")
      s.instant(timer.deadlineUs)
      s.text(".")
      return
    }
    if case .joinHandle(let joined) = awaiting {
      s.text(", so it waits until ")
      s.label(joined, in: trace)
      s.text(" finishes and wakes it.")
      return
    }
    if t.wakersHeld <= 0 {
      s.text(", and no one holds its waker: nothing can ever wake it.")
      return
    }
    switch awaiting {
    case .channelRecv:
      s.text(" (the channel is empty), so its waker waits in the channel until a value is sent.")
    case .channelSend:
      s.text(" (the channel is full), so its waker waits in the channel until a value is taken.")
    default:
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

  /// The end of a Pending poll's short form: where its waker went.
  private func briefWaiter<S: NoteSink & ~Copyable>(
    _ t: TaskInfo, awaiting: Awaited, into s: inout S
  ) {
    if t.wokenInPoll {
      s.text(" (woke itself)")
    } else if t.deferredInPoll {
      s.text(" (waker in the defer list)")
    } else if t.wakersHeld <= 0, !awaiting.isJoinHandle {
      // A JoinHandle's waker is held by the joined task, which the state does not count.
      s.text(" (no waker held: stuck)")
    } else if case .channelSend = awaiting {
      s.text(" (the channel is full)")
    } else if case .channelRecv = awaiting {
      s.text(" (the channel is empty)")
    }
  }

  /// How many of a waiting task's waker holders a note names.
  static let listedHolders = 4

  func noteDeregister<S: NoteSink & ~Copyable>(_ fd: Int32, in trace: Trace, into s: inout S) {
    switch reactor.registration(fd: fd) {
    case let entry? where s.brief:
      s.label(entry.task, in: trace)
      s.text(entry.answered ? " read the answer: fd " : " gave up before the answer: fd ")
      s.number(Int64(fd))
      s.text(entry.answered ? " deregistered and closed" : " closed, its waker dropped")
      return
    case let entry? where !entry.answered:
      s.label(entry.task, in: trace)
      s.text(" gave up on fd ")
      s.number(Int64(fd))
      s.text(
        " before the answer came (its call was cancelled): the fd leaves the interest list and is closed.")
      return
    case let entry?:
      s.label(entry.task, in: trace)
      s.text(" has read the answer")
      let resource = trace.string(entry.resource)
      if !resource.isEmpty {
        s.text(" of ")
        s.string(resource)
      }
      s.text(", so ")
    case nil:
      break
    }
    // An answered call's fd, or one the state does not know (in any form).
    s.text("fd ")
    s.number(Int64(fd))
    s.text(" leaves the interest list and is closed.")
  }

  func noteReactorWait<S: NoteSink & ~Copyable>(_ timeout: Int64?, in trace: Trace, into s: inout S) {
    let watched = reactor.interest.count
    if s.brief {
      briefWait(timeout, watched: watched, into: &s)
      return
    }
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
      // tokio's park runs here too, but main's waker has unparked the driver,
      // so it returns at once; asyncviz shows that turn as a zero timeout.
      s.text("The run queue is empty and main, block_on's future, was woken; its waker also unparked ")
      s.text("the driver, so the driver's park returns at once and main is polled next: ")
      waitName(trace, capitalized: false, into: &s)
      s.text(" with timeout 0 (a park that does not block) collects what is ready.")
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

  /// "The reactor calls epoll_wait (2 fds watched, timeout 25 ms)".
  private func briefWait<S: NoteSink & ~Copyable>(_ timeout: Int64?, watched: Int, into s: inout S) {
    if !runQueue.isEmpty || deferredWakers > 0 || (blockOnWoken && timeout == 0) {
      s.text("The scheduler polls the driver without blocking: epoll_wait(timeout 0)")
      return
    }
    s.text("The reactor calls epoll_wait (")
    count(watched, "fd", "fds", into: &s)
    s.text(" watched, ")
    if let timeout {
      s.text("timeout ")
      s.duration(timeout)
      s.text(timeout > 0 ? ": the next timer)" : ": a timer is due)")
    } else {
      s.text("no timeout)")
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
    if s.brief {
      switch info(task).awaiting {
      case .select: s.text("select chose another branch)")
      case .timeout: s.text("its timeout finished)")
      default: s.text("cancelled)")
      }
      return
    }
    switch info(task).awaiting {
    case .select: s.text("select chose another branch")
    case .timeout: s.text("the timeout it belongs to has finished")
    default: s.text("the future that awaited it was cancelled")
    }
    s.text("): the reactor removes its timer for ")
    s.instant(deadline)
    s.text(" and drops the waker it held.")
  }
}

extension Awaited {
  /// Whether it is another task's JoinHandle.
  fileprivate var isJoinHandle: Bool {
    if case .joinHandle = self { return true }
    return false
  }
}
