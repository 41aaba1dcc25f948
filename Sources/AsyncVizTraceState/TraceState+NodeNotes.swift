import AsyncVizTrace

/// The narration of a node-model trace, in Node's words (promise, microtask,
/// macrotask, phase), saying where Node's rules differ from rust's.
extension TraceState {
  package func writeNodeNote<S: NoteSink & ~Copyable>(
    forEvent i: Int, _ event: TraceEvent, in trace: Trace, into s: inout S
  ) {
    switch event.payload {
    case .spawn(let task, let parent):
      noteNodeCall(task, parent: parent, at: event.tUs, in: trace, into: &s)
    case .callPush(let task):
      s.label(task, in: trace)
      if info(task).polls == 0 {
        s.text(" is called: it goes on the call stack and runs now.")
      } else {
        s.text(" is back on the call stack: the microtask resumes it after its await.")
      }
    case .callPop(let task, let line, let awaiting):
      noteNodePop(task, line: line, awaiting: awaiting, in: trace, into: &s)
    case .complete(let task):
      s.text("The promise of ")
      s.label(task, in: trace)
      s.text(" is fulfilled: each await on it gets a microtask.")
    case .microtaskQueue(let task, let job):
      noteMicrotaskQueued(task, job: job, in: trace, into: &s)
    case .microtaskRun(let task, let job):
      noteMicrotaskRun(task, job: job, in: trace, into: &s)
    case .phase(let phase):
      noteNodePhase(phase, into: &s)
    case .reactorWait(let timeout):
      let sockets = reactor.interest.count
      if let timeout {
        s.text("Nothing is due now: the poll phase blocks in epoll_wait for ")
        s.duration(timeout)
        s.text(
          sockets > 0
            ? ", until the earliest timer or a readable socket." : ", until the earliest timer of the heap.")
      } else {
        s.text("Only sockets are left: the poll phase blocks in epoll_wait until one is readable.")
      }
    case .ioSend(let task, let fd, let resource, let op):
      s.request(
        by: task, " sends its ", resource, op, on: "a new socket, fd ", fd: fd,
        then: ", at once (the call runs now).",
        in: trace)
    case .register(_, let fd, _):
      s.text("fd ")
      s.number(Int64(fd))
      s.text(" joins libuv's epoll interest list: the poll phase reads the reply when it is readable.")
    case .reactorReady(let fd, _):
      s.text("epoll_wait reports fd ")
      s.number(Int64(fd))
      s.text(" readable: its callback, a macrotask of the poll phase, reads the reply.")
    case .deregister(let fd):
      s.text("The reply on fd ")
      s.number(Int64(fd))
      s.text(
        " is read: the socket leaves the interest list and is closed, and the read's promise is fulfilled.")
    case .timerSet(let task, let deadline, let purpose):
      noteSetTimeout(task, for: purpose, due: deadline, at: event.tUs, in: trace, into: &s)
    case .timerFire(let task):
      s.text("A macrotask: the timers phase runs the setTimeout callback of ")
      s.label(task, in: trace)
      switch reactor.timers.first(where: { $0.task == task })?.purpose {
      case .sleep: s.text("'s sleep, which fulfills the sleep's promise.")
      case .timeout: s.text("'s timeout, which fulfills the timer's promise.")
      case .latency:
        s.text("'s resource call: the server's latency is over, and the callback fulfills its promise.")
      case nil: s.text(", which resolves its promise.")
      }
    case .immediateQueue(let task):
      s.label(task, in: trace)
      // processImmediate runs only the queue it started with: an immediate
      // queued in the check phase waits for the next turn's.
      s.text(
        node.phase == .check
          ? " calls setImmediate during the check phase: the callback waits for the next turn's check phase, after that turn's due timers."
          : " calls setImmediate: the callback waits for the check phase of this loop turn, after the microtasks and any due I/O."
      )
    case .immediateRun(let task):
      // libuv's idle handle, which Node starts while an immediate is queued,
      // makes the poll phase's timeout 0 (uv_backend_timeout).
      s.text(
        node.beginsALaterCheckPhase(task)
          ? "A macrotask, in the next loop turn (no timer was due, and the poll phase does not block while an immediate is queued): its check phase runs the setImmediate callback of "
          : "A macrotask: the check phase runs the setImmediate callback of ")
      s.label(task, in: trace)
      s.text(", which resolves its promise.")
    case .output(let task, let text):
      notePrint(task, text, at: i, counted: false, in: trace, into: &s)
    case .block(let task, let dur, _):
      s.blockingCall(by: task, for: dur, in: trace)
      s.text(": the only JavaScript thread stops; no callback and no microtask runs until it returns.")
    default:
      s.string(event.payload.kindName)
    }
  }

  private func noteSetTimeout<S: NoteSink & ~Copyable>(
    _ task: TaskID, for purpose: TimerPurpose?, due deadline: Int64, at now: Int64, in trace: Trace,
    into s: inout S
  ) {
    s.label(task, in: trace)
    switch purpose {
    case .sleep:
      s.text(" calls setTimeout for its sleep")
    case .timeout:
      s.text(" calls setTimeout for its timeout's timer, which races the future it limits")
    case .latency:
      s.text(
        " makes a resource call, whose async fn calls setTimeout to wait out the server's latency (on sim, a timer stands in for the server)"
      )
    case nil:
      // A trace written before the purpose was recorded: the note sees only
      // the events so far, so it cannot tell which future the timer is for.
      s.text(
        trace.program.backend == .sim
          ? " calls setTimeout (a sleep, timeout's timer, or a resource call, whose async fn waits out the server's latency on sim)"
          : " calls setTimeout (a sleep or timeout's timer)")
    }
    s.text(": the callback is due at ")
    s.instant(deadline)
    s.text(" (")
    s.duration(deadline - now)
    s.text(" from now: Node waits at least 1 ms, in whole milliseconds) and waits in libuv's timer heap.")
  }

  private func noteNodeCall<S: NoteSink & ~Copyable>(
    _ task: TaskID, parent: TaskID?, at now: Int64, in trace: Trace, into s: inout S
  ) {
    guard let parent else {
      s.label(task, in: trace)
      s.text(" will be called by the first macrotask, the harness's setTimeout(main, 0) callback")
      s.text(" (Node makes 0 ms 1 ms; the clock here starts when main is called).")
      return
    }
    s.label(parent, in: trace)
    s.text(" calls ")
    s.label(task, in: trace)
    s.text(" at ")
    s.instant(now)
    s.text(
      """
      : calling an async fn runs its body at once, inside the caller, up to its first await, and \
      gives a promise (under rust, the call only makes a lazy future, which starts when first awaited \
      or spawned).
      """)
  }

  private func noteNodePop<S: NoteSink & ~Copyable>(
    _ task: TaskID, line: Int32, awaiting: Awaited, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    guard line != 0 || awaiting != .nothing else {
      s.text(" returns and leaves the call stack.")
      return
    }
    s.text(" reaches an await")
    if line != 0 {
      s.text(" at line ")
      s.number(Int64(line))
    }
    let label = awaiting.label(in: trace)
    if case .joinHandle(let callee) = awaiting {
      s.text(" on the promise of ")
      s.label(callee, in: trace)
    } else if !label.isEmpty {
      s.text(" on ")
      s.string(label)
    }
    s.text(": await always suspends, so it leaves the call stack")
    let below = node.callStack.dropLast().last
    if let below, below != task {
      s.text(" and ")
      s.label(below, in: trace)
      s.text(", its caller, goes on with the promise")
    }
    s.text("; it resumes in a microtask once that promise settles.")
  }

  private func noteMicrotaskQueued<S: NoteSink & ~Copyable>(
    _ task: TaskID, job: MicrotaskJob, in trace: Trace, into s: inout S
  ) {
    switch job {
    case .resume:
      s.text("The promise ")
      s.label(task, in: trace)
      s.text(" awaits has settled: a microtask to resume it joins the queue (position ")
    case .thenable:
      s.label(task, in: trace)
      s.text(
        "'s promise was resolved with another promise: a job to adopt its state joins the microtask queue")
      s.text(" (position ")
    case .reaction, .reply, .all, .race, .raceLate, .tag, .expire, .selfWake, .mainEnd:
      s.text("A promise settled, so ")
      s.text(Self.reactionName(job))
      s.text(" for ")
      s.label(task, in: trace)
      s.text(" joins the microtask queue (position ")
      s.number(Int64(node.microtasks.count + 1))
      s.text(")")
      s.text(Self.reactionWhy(job))
      s.text(".")
      return
    }
    s.number(Int64(node.microtasks.count + 1))
    s.text(").")
  }

  private func noteMicrotaskRun<S: NoteSink & ~Copyable>(
    _ task: TaskID, job: MicrotaskJob, in trace: Trace, into s: inout S
  ) {
    s.text("The microtask queue runs its front job (")
    s.number(Int64(node.microtasks.count))
    s.text(" queued): ")
    switch job {
    case .resume:
      s.text("it resumes ")
      s.label(task, in: trace)
      s.text(".")
    case .thenable:
      s.text("a promise adopts another's state, for ")
      s.label(task, in: trace)
      s.text(".")
    case .raceLate:
      s.text("a contender of the race ")
      s.label(task, in: trace)
      s.text(" awaited settles after the race was already decided. Promise.race cancels nothing:")
      s.text(" this contender ran to its end (")
      switch node.lastMacrotask {
      case .timer(.sleep): s.text("its sleep's timer")
      case .timer(.timeout): s.text("timeout's timer")
      case .timer(.latency): s.text("its resource call's timer, the server's latency on sim,")
      case .socket: s.text("its socket")
      case .timer(nil), .immediate, nil: s.text("what it waited on")
      }
      s.text(" kept the loop alive until it settled), and its value is ignored (under rust, select and")
      s.text(" timeout drop the losing future at once).")
    case .reaction, .reply, .all, .race, .tag, .expire, .selfWake, .mainEnd:
      s.text(Self.reactionName(job))
      s.text(" for ")
      s.label(task, in: trace)
      s.text(Self.reactionWhy(job))
      s.text(".")
    }
  }

  /// Which `then` callback a reaction job runs, in the words of the
  /// translation's JavaScript (NodeRun+Futures attaches each one).
  private static func reactionName(_ job: MicrotaskJob) -> StaticString {
    switch job {
    case .reply: "the resource call's `return reply`"
    case .all: "Promise.all's then"
    case .race, .raceLate: "Promise.race's then"
    case .tag: "select's wrapper then"
    case .expire: "timeout's timer then"
    case .selfWake: "self_wake's then"
    case .mainEnd: "the harness's main().then(...)"
    case .reaction, .resume, .thenable: "a helper's then callback"
    }
  }

  /// What that callback does, after a colon (empty when the trace does not say).
  private static func reactionWhy(_ job: MicrotaskJob) -> StaticString {
    switch job {
    case .reply: ": its reply has come"
    case .all: ": it stores this element's value (the last element fulfills the list)"
    case .race: ": its contender settled first, so its value decides the race"
    case .raceLate: ": its contender settled after the race was decided"
    case .tag: ": it tags a contender's value with its index ([i, value])"
    case .expire: ": the time ran out, so it gives none"
    case .selfWake: ": it starts the next round (a setImmediate promise)"
    case .mainEnd: ": main's promise is fulfilled, which marks main's end"
    case .reaction, .resume, .thenable: ""
    }
  }

  private func noteNodePhase<S: NoteSink & ~Copyable>(_ phase: LoopPhase, into s: inout S) {
    switch phase {
    case .timers:
      s.text("The event loop enters the timers phase: the due setTimeout callbacks run, earliest first.")
    case .pending:
      s.text("The event loop enters the pending phase: deferred I/O callbacks run.")
    case .poll:
      s.text("The event loop enters the poll phase: epoll_wait for I/O.")
    case .check:
      s.text("The event loop enters the check phase: the setImmediate callbacks queued before it run.")
    case .close:
      s.text("The event loop enters the close phase.")
    }
  }
}
