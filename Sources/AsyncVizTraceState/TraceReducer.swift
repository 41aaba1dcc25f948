import AsyncVizTrace

/// Turns events into state: `TraceState` after `events[0..<n]` is the state
/// after `events[0..<n-1]` with event n-1 applied, nothing else.
///
/// The reducer never traps on a strange trace (a replayed file may be
/// hand-edited): an event about an unknown task creates it, a removal of
/// something absent does nothing.
public enum TraceReducer {
  /// Applies `events[state.applied..<end]` to `state`, in order.
  ///
  /// `events` must be the same array the state was built from: an event is
  /// read together with its neighbours (a `waker_clone` is
  /// explained by the event before or after it), so the state
  /// after n events depends on `events[n]` only through that look-ahead,
  /// which never crosses a step.
  public static func apply(_ events: EventLog, upTo end: Int, to state: inout TraceState) {
    let stop = min(end, events.count)
    var i = state.applied
    guard i < stop else { return }
    // In order through the packed log, each run's step and time read once.
    var reader = events.makeIterator(from: i)
    while i < stop, let event = reader.next() {
      state.apply(event, at: i, in: events)
      i += 1
    }
    state.applied = max(state.applied, stop)
  }

  /// Applies the next event, `event` (`events[state.applied]`, which the
  /// caller has read): for a walk that reads the events in order and needs
  /// the state before each (the transcript, the writers), without reading
  /// the event again.
  public static func applyNext(_ event: TraceEvent, in events: EventLog, to state: inout TraceState) {
    let i = state.applied
    guard i < events.count else { return }
    state.apply(event, at: i, in: events)
    state.applied = i + 1
  }

  /// The state after every event of `trace` (finished if the trace has ended).
  public static func finalState(of trace: Trace) -> TraceState {
    var state = TraceState()
    apply(trace.events, upTo: trace.events.count, to: &state)
    if let end = trace.end { state.finish(end) }
    return state
  }
}

extension TraceState {
  /// Applies `event`, `events[i]` (the log is there for the one kind read
  /// with its neighbours, a waker clone: the others' are never unpacked).
  mutating func apply(_ event: TraceEvent, at i: Int, in events: EventLog) {
    if event.step != step {
      step = event.step
      action = .reactorTurn
    }
    nowUs = event.tUs
    let t = event.tUs
    kernel.apply(event.payload)
    go.apply(event.payload)
    switch event.payload {
    case .spawn(let id, _):
      ensureTask(id, at: t)
      if step == 0 { action = .setup }
    case .schedule(let id, _, let position):
      ensureTask(id, at: t)
      // Position 0: block_on's own future (main), which is not in the run
      // queue: it is ready, and polled at the top of block_on's next loop.
      if position == 0 {
        blockOnTask = id
        blockOnWoken = true
      } else if !tasks[id.index].queued {
        tasks[id.index].queued = true
        runQueue.push(id)
      }
    case .pollStart(let id):
      ensureTask(id, at: t)
      if tasks[id.index].queued {
        tasks[id.index].queued = false
        runQueue.remove(id)
      }
      if id == blockOnTask {
        blockOnWoken = false
      } else {
        pollsSinceDriver += 1
      }
      tasks[id.index].wokenInPoll = false
      tasks[id.index].deferredInPoll = false
      startRun(id)
    case .pollEnd(let id, let result, let line, let awaiting):
      ensureTask(id, at: t)
      polling = nil
      action = .poll(id, result: result)
      if result == .pending {
        tasks[id.index].awaiting = awaiting
        tasks[id.index].line = line
      } else {
        tasks[id.index].awaiting = .nothing
        tasks[id.index].line = 0
      }
    case .complete(let id):
      ensureTask(id, at: t)
      if tasks[id.index].queued {
        tasks[id.index].queued = false
        runQueue.remove(id)
      }
      if polling == id { polling = nil }
      tasks[id.index].awaiting = .nothing
      tasks[id.index].line = 0
      // A future it made and never awaited is dropped with it, never run.
      if !lazyFutures.isEmpty { lazyFutures.removeAll { $0.task == id } }
    case .taskDrop(let id):
      if !lazyFutures.isEmpty { lazyFutures.removeAll { $0.task == id } }
      ensureTask(id, at: t)
      if tasks[id.index].queued {
        tasks[id.index].queued = false
        runQueue.remove(id)
      }
    default:
      applyReactorOrWaker(event.payload, at: i, in: events, time: t)
    }
    // The status change, after the cases above (which read the status
    // before the event: a wake during a poll, a parked goroutine's readying).
    if let (id, transition) = TaskTransition.change(of: event.payload) { enter(transition, task: id, at: t) }
    if go.active || !kernel.cpus.isEmpty {
      // A shared copy of the table (no copy of its storage): `races` is
      // mutated while the closure reads it.
      let tasks = self.tasks
      races.apply(event.payload) { $0.index < tasks.count ? tasks[$0.index].polls : 0 }
    }
  }

  /// The reactor, waker, output and lint events.
  private mutating func applyReactorOrWaker(
    _ payload: EventPayload, at i: Int, in events: EventLog, time t: Int64
  ) {
    switch payload {
    case .register(let id, let fd, let interest):
      ensureTask(id, at: t)
      let sent = lastSend?.fd == fd ? lastSend : nil
      if let old = reactor.registration(fd: fd) { tasks[old.task.index].fdsWatched -= 1 }
      reactor.register(
        .init(
          fd: fd, interest: interest, task: id, resource: sent?.resource ?? .empty, op: sent?.op ?? .empty,
          wakerStored: false))
      tasks[id.index].fdsWatched += 1
    case .deregister(let fd):
      if let old = reactor.registration(fd: fd) { tasks[old.task.index].fdsWatched -= 1 }
      reactor.deregister(fd: fd)
    case .reactorWait(let timeout):
      action = .reactorTurn
      pollsSinceDriver = 0
      reactor.lastWait = .init(step: step, timeoutUs: timeout, ready: [])
    case .reactorReady(let fd, let readiness):
      reactor.lastWait?.ready.append(.init(fd: fd, readiness: readiness))
      reactor.markAnswered(fd: fd)
    case .timerSet(let id, let deadline, let purpose):
      ensureTask(id, at: t)
      reactor.armTimer(task: id, deadlineUs: deadline, purpose: purpose)
      tasks[id.index].timersArmed += 1
    case .timerFire(let id):
      let fired = reactor.fireTimer(task: id)
      node.runTimer(purpose: fired?.purpose)
      if fired != nil { tasks[id.index].timersArmed -= 1 }
    case .timerCancel(let id, let deadline):
      ensureTask(id, at: t)
      if reactor.cancelTimer(task: id, deadlineUs: deadline) { tasks[id.index].timersArmed -= 1 }
    case .wake(let id, let by, let fd, _):
      ensureTask(id, at: t)
      if tasks[id.index].status == .polling { tasks[id.index].wokenInPoll = true }
      applyWake(id, by: by, fd: fd)
    case .wakerClone(let id):
      ensureTask(id, at: t)
      applyWakerClone(id, at: i, in: events)
    case .wakerDrop(let id):
      ensureTask(id, at: t)
      // A stored waker dropped unwoken (a cancelled timer's, a deregistered
      // fd's, a join handle's or a channel's): one copy fewer.
      tasks[id.index].wakersHeld -= 1
    case .ioSend(_, let fd, let resource, let op):
      lastSend = SentRequest(fd: fd, resource: resource, op: op)
    case .lint(let id, let code, let detail):
      ensureTask(id, at: t)
      tasks[id.index].lintMask |= 1 << code.rawValue
      lints.append(LintRecord(task: id, code: code, detail: detail, step: step))
    case .deferWake(let id):
      // The defer list holds a clone of the task's waker until the next driver turn.
      ensureTask(id, at: t)
      deferredWakers += 1
      tasks[id.index].wakersHeld += 1
      if tasks[id.index].status == .polling { tasks[id.index].deferredInPoll = true }
    case .futureMade(let id, let line, let label):
      ensureTask(id, at: t)
      lazyFutures.append(LazyFuture(task: id, line: line, label: label, madeUs: t))
    case .futurePolled(let id, let line, let label):
      if let i = lazyFutures.firstIndex(where: { $0.task == id && $0.line == line && $0.label == label }) {
        lazyFutures.remove(at: i)
      }
    case .phase, .microtaskQueue, .microtaskRun, .immediateQueue, .immediateRun, .callPush, .callPop:
      applyNode(payload, at: t)
    case .threadRun, .threadStop, .threadReady:
      applyThreads(payload, at: t)
    case .goRunqPut, .goExecute, .goPark, .goSyscall, .goSyscallExit, .goHandoff, .goPreempt, .goIdle:
      applyGo(payload, at: t)
    case .output, .block, .spawn, .schedule, .pollStart, .pollEnd, .complete, .taskDrop:
      break
    }
  }

  /// Moves task `id` to the status `transition` gives it: the one table of
  /// status changes, which the timeline's lanes read too.
  @inline(__always)
  private mutating func enter(_ transition: TaskTransition, task id: TaskID, at t: Int64) {
    // Every case that changes a status has made the task (`ensureTask`).
    let i = id.index
    if let next = transition.next(from: tasks[i].status, requeued: tasks[i].queued) {
      setStatus(id, next, at: t)
    }
  }

  /// `id` starts to run: a poll under rust, a goroutine executing, an async
  /// fn pushed on node's call stack, a thread put on a CPU. Every model counts
  /// it as a poll (what `compare` and the task panel show) the same way (its
  /// status is the event's `TaskTransition`, `running`).
  mutating func startRun(_ id: TaskID) {
    tasks[id.index].polls += 1
    polling = id
    action = .poll(id, result: nil)
  }

  private mutating func applyWake(_ id: TaskID, by: WakeSource, fd: Int32?) {
    tasks[id.index].wakes += 1
    switch by {
    case .own:
      // A self-wake goes through the task's own reference, no stored waker.
      tasks[id.index].selfWakes += 1
    case .reactor:
      tasks[id.index].wakersHeld -= 1
      if let fd { reactor.setWakerStored(fd: fd, false) }
    case .timer:
      tasks[id.index].wakersHeld -= 1
    case .task:
      tasks[id.index].wakersHeld -= 1
    case .deferred:
      tasks[id.index].wakersHeld -= 1
      deferredWakers -= 1
    }
  }

  /// A waker copy was stored. Who holds it is not in the event: the runtime
  /// records `register` then the clone for an fd, the clone then `timer_set`
  /// for a timer (`defer` stands for its own clone); a lone clone re-arms an
  /// fd whose waker was woken, or else is held by a join handle or a channel.
  private mutating func applyWakerClone(_ id: TaskID, at i: Int, in events: EventLog) {
    tasks[id.index].wakersHeld += 1
    let next = i + 1 < events.count ? events.payload(at: i + 1) : nil
    if case .timerSet(let other, _, _) = next, other == id { return }
    if i > 0, case .register(let other, let fd, _) = events.payload(at: i - 1), other == id {
      reactor.setWakerStored(fd: fd, true)
    } else if let fd = reactor.unarmedFd(of: id) {
      reactor.setWakerStored(fd: fd, true)
    }
  }

  /// Creates the entries up to `id` if the trace names a task before its spawn.
  mutating func ensureTask(_ id: TaskID, at t: Int64) {
    guard id.index >= tasks.count else { return }
    while tasks.count <= id.index {
      tasks.append(TaskInfo(id: TaskID(UInt32(tasks.count + 1)), at: t))
      liveCount += 1
    }
  }
}
