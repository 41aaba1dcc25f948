import AsyncVizTrace

/// The executor, tokio's current_thread scheduler: a single thread, a FIFO run
/// queue, the `block_on` loop (see `SchedulerLoop`), one scheduling action per
/// `step()`. The front end, the tests, the demos and the benchmarks all drive
/// it through `step()`; `run()` just calls it until the end.
///
/// Not thread-safe: create, step and read it on one thread.
public final class Runtime {
  /// The state the hot path touches, owned by this object (allocated in init,
  /// freed in deinit); futures reach it through their `Context`.
  let core: UnsafeMutablePointer<RuntimeCore>
  /// Whether the clock is read lazily: a real clock with tracing off. Then
  /// no event records the time, and the runtime only marks the reading
  /// stale where time may have passed (after a wait, after a poll, at each
  /// `step()`, whose caller may let any time pass); whoever needs the time
  /// reads it then (`RuntimeCore.currentNow`): a future's `now`, the wait's
  /// timeout and the firing of timers when timers are armed, the run's end.
  /// Each read costs 35-60 ns in this VM, and a ping-pong round trip, which
  /// needs the time nowhere, made four.
  /// A traced run reads at every boundary (start and end of each poll,
  /// start of each reactor turn and after its wait), so that its events
  /// carry the time each poll and wait began; a virtual clock (sim) moves
  /// only in `pass` and `wait` and is read after each.
  private let lazyClock: Bool
  /// The backend, also the reactor's: held here too so that the reactor
  /// turn calls it through a `let` of this object, which needs no retain
  /// and release around the wait (reached through `core`, it did).
  private let backend: any ReactorBackend

  /// A runtime over `backend` (a fresh `SimBackend` by default).
  public init(
    program: ProgramInfo, backend: any ReactorBackend = SimBackend(), options: RuntimeOptions = .init()
  ) {
    var info = program
    info.backend = backend.kind
    core = .allocate(capacity: 1)
    core.initialize(to: RuntimeCore(program: info, backend: backend, options: options))
    lazyClock = !options.tracing && backend.clockMovesByItself
    self.backend = backend
  }

  deinit {
    core.pointee.reactor.backend.shutdown()
    core.pointee.dropDeferred()
    core.deinitialize(count: 1)
    core.deallocate()
  }

  /// Spawns a top-level task at step 0 (native workloads; a program's main
  /// is `blockOn`'s).
  @discardableResult @inlinable
  public func spawn<F: Future>(_ name: String, _ future: F) -> JoinHandle<F.Output> {
    JoinHandle(task: spawnCell(name: name, cell: .passRetained(TaskCell.make(future)), blockOn: false))
  }

  /// Makes `future` block_on's own future, as `Runtime::block_on(main)` does:
  /// it has a task id and a trace line like a task, but it is never in the
  /// run queue. The block_on loop polls it first, then whenever it was woken,
  /// at the top of each loop iteration. When it returns, the run ends and the
  /// tasks still alive are dropped. At most one per runtime.
  @discardableResult @inlinable
  public func blockOn<F: Future>(_ name: String, _ future: F) -> JoinHandle<F.Output> {
    JoinHandle(task: spawnCell(name: name, cell: .passRetained(TaskCell.make(future)), blockOn: true))
  }

  /// `cell` comes retained for its slot, retained where it was made: the
  /// inlined `spawn` then pairs that retain with the release of its own
  /// reference and drops both (passing the cell itself, the retain was
  /// made here and the release in the caller: about 45 instructions).
  @usableFromInline
  func spawnCell(name: String, cell: Unmanaged<TaskCell>, blockOn: Bool) -> TaskID {
    precondition(!blockOn || core.pointee.blockOn == nil, "a runtime has one block_on future")
    return core.pointee.spawn(name: name, parent: nil, cell: cell, blockOn: blockOn)
  }

  /// The trace so far (complete once `end` is set).
  public var trace: Trace { core.pointee.recorder.trace }

  /// Copies what was recorded since `trace` was last brought up to date
  /// (tasks, strings, events, end) without copying the whole trace: a live
  /// front end calls this after each step.
  public func appendNew(into trace: inout Trace) {
    trace.catchUp(with: core.pointee.recorder.trace)
  }

  /// Reserves event storage ahead of a run of known size.
  public func reserve(events: Int) { core.pointee.recorder.reserve(events: events) }

  /// Reserves room for `count` more tasks (their slots, their records in
  /// the trace's task table and their places in the run queue) and `timers`
  /// more timers, so that spawning and arming that many moves no table.
  public func reserve(tasks count: Int, timers: Int = 0) {
    core.pointee.slots.reserve(core.pointee.slots.count + count)
    core.pointee.runQueue.reserve(core.pointee.runQueue.count + count)
    core.pointee.recorder.reserve(tasks: count)
    core.pointee.reactor.timers.nodes.reserve(core.pointee.reactor.timers.nodes.count + timers)
  }

  /// The end of the run, once reached.
  public var end: RunEnd? { core.pointee.end }

  /// The backend's clock.
  public var now: Int64 { core.pointee.currentNow() }

  /// State of a task (nil for an unknown id).
  public func state(of task: TaskID) -> TaskStatus? {
    let i = task.index
    return i >= 0 && i < core.pointee.slots.count ? core.pointee.slots[i].state : nil
  }

  /// The finished output of a task, if it is done and its output has type `T`.
  public func output<T>(of task: TaskID, as type: T.Type = T.self) -> T? {
    let i = task.index
    guard i >= 0 && i < core.pointee.slots.count else { return nil }
    return (core.pointee.slots[i].cell.takeUnretainedValue() as? OutputBox<T>)?.value
  }

  /// Runs steps until the run ends and returns how it ended.
  @discardableResult
  public func run() -> RunEnd {
    // `advance` inlined here knows which outcome it made, so no outcome is
    // copied or destroyed per step.
    if lazyClock { core.pointee.clockStale = true }
    while !core.pointee.ended { _ = advance() }
    guard let end = core.pointee.end else { preconditionFailure("ended without an end") }
    return end
  }

  /// Performs one scheduling action of tokio's block_on loop: polls main
  /// (block_on's future) when it was woken, at the top of the loop; else
  /// polls the task at the front of the run queue; else runs one driver
  /// (reactor) turn: blocking when the queue is empty and nothing else is
  /// pending (tokio's `park`), non-blocking when yield_now deferred wakers or
  /// main was woken (`park_yield`), and non-blocking after every
  /// `eventInterval` task polls even though the queue is not empty. Ends the
  /// run when main returns (the tasks still alive are dropped), when every
  /// task is done, when nothing can wake a pending task, or at the step limit.
  public func step() -> StepOutcome {
    if lazyClock { core.pointee.clockStale = true }
    return advance()
  }

  @inline(__always)
  private func advance() -> StepOutcome {
    // A flag, not `end`: reading the optional `RunEnd` copies its array.
    if core.pointee.ended, let end = core.pointee.end { return .finished(end) }
    if core.pointee.recorder.step >= core.pointee.options.maxSteps {
      return .finished(finish(.maxSteps))
    }
    if core.pointee.loop == .top {
      core.pointee.loop = .tasks(polls: 0)
      if let main = core.pointee.blockOn, core.pointee.blockOnWoken {
        core.pointee.blockOnWoken = false
        core.pointee.recorder.step += 1
        let result = poll(main)
        if result == .ready { blockOnReturned() }
        return .polled(main, result)
      }
    }
    guard case .tasks(let polls) = core.pointee.loop else { preconditionFailure("the loop left its top") }
    if polls >= core.pointee.options.eventInterval {
      core.pointee.loop = .top
      core.pointee.recorder.step += 1
      return .reactorTurn(woken: reactorTurn(blocking: false))
    }
    while let id = core.pointee.runQueue.pop() {
      let slot = core.pointee.slots.pointer(id.index)
      slot.pointee.queued = false
      // Defensive: an entry whose task is no longer ready is skipped.
      guard slot.pointee.state == .ready else { continue }
      core.pointee.loop = .tasks(polls: polls + 1)
      core.pointee.recorder.step += 1
      return .polled(id, poll(id))
    }
    let mustWait = core.pointee.deferred.isEmpty && !core.pointee.blockOnWoken
    if mustWait && core.pointee.reactor.isIdle {
      return .finished(finish(core.pointee.liveTasks == 0 ? .completed : .stuck))
    }
    core.pointee.loop = .top
    core.pointee.recorder.step += 1
    return .reactorTurn(woken: reactorTurn(blocking: mustWait))
  }

  private func poll(_ id: TaskID) -> PollResult {
    let i = id.index
    if core.pointee.liveClock && !lazyClock { core.pointee.refreshClock() }
    // Lints are judged only when they can be seen (tracing on): their
    // counters are kept only then too.
    let lints = core.pointee.recorder.enabled
    var slot = core.pointee.slots.pointer(i)
    slot.pointee.state = slot.pointee.state.startPoll()
    if lints {
      let counters = core.pointee.lintCounters.pointer(i)
      counters.pointee.polls += 1
      counters.pointee.pollStartUs = core.pointee.now
    }
    core.pointee.record(.pollStart(task: id))
    var cx = Context(core: core, task: id)
    // Borrowed, not retained: the core holds every cell until it is freed.
    let finished = slot.pointee.cell._withUnsafeGuaranteedRef { $0.poll(&cx) }
    // The poll may have spawned, which can move the slots.
    slot = core.pointee.slots.pointer(i)
    if core.pointee.failure != nil { core.pointee.failure = nil }
    if core.pointee.liveClock {
      if lazyClock { core.pointee.clockStale = true } else { core.pointee.refreshClock() }
    }
    let result: PollResult = finished ? .ready : .pending
    let notified = slot.pointee.notified
    slot.pointee.state = slot.pointee.state.endPoll(finished: finished, notified: notified)
    // Checked here, not only in `record`: the compiler keeps this record
    // (its await is not known here, so its packing does not fold) out of
    // line, and an untraced run would call it to learn that tracing is off.
    if core.pointee.recorder.enabled {
      core.pointee.record(
        .pollEnd(
          task: id, result: result, line: finished ? 0 : cx.suspendLine,
          awaiting: finished ? .nothing : cx.awaiting))
    }
    if finished { complete(id) }
    if lints { core.pointee.checkLints(after: id, result: result) }
    if notified {
      // Woken during its own poll: tokio queues it once the poll is over.
      core.pointee.slots[i].notified = false
      if !finished { core.pointee.requeue(id) }
    }
    return result
  }

  private func complete(_ id: TaskID) {
    core.pointee.liveTasks -= 1
    core.pointee.record(.complete(task: id))
    // Most tasks are never joined: skip hashing the id into an empty table.
    if !core.pointee.joinWaiters.isEmpty, let waiters = core.pointee.joinWaiters.removeValue(forKey: id) {
      for w in waiters { core.pointee.wake(w, by: .task, from: id) }
    }
  }

  /// One driver turn: I/O first, then timers (tokio's time driver parks the
  /// I/O driver, then processes the timer wheel), then the deferred wakers
  /// (`wake_deferred_tasks` after `park` / `park_yield`). `blocking` false
  /// is tokio's `park_yield`: a wait with timeout 0.
  private func reactorTurn(blocking: Bool) -> Int {
    if core.pointee.liveClock && !lazyClock { core.pointee.refreshClock() }
    var timeout: Int64? = 0
    if blocking {
      // With no timer armed there is no timeout, and no clock to read for one.
      let armed = core.pointee.reactor.timers.armedCount > 0
      timeout = armed ? core.pointee.reactor.nextTimeout(now: core.pointee.currentNow()) : nil
    }
    core.pointee.record(.reactorWait(timeoutUs: timeout))
    backend.wait(timeoutUs: timeout, into: &core.pointee.reactor.ready)
    if lazyClock { core.pointee.clockStale = true } else { core.pointee.refreshClock() }
    var woken = 0
    for i in 0..<core.pointee.reactor.ready.count {
      let r = core.pointee.reactor.ready[i]
      core.pointee.record(.reactorReady(fd: r.fd, readiness: r.readiness))
      if let w = core.pointee.reactor.interest.takeWaker(fd: r.fd) {
        core.pointee.wake(w, by: .reactor, fd: r.fd)
        woken += 1
      }
    }
    if core.pointee.reactor.timers.armedCount > 0 {
      let now = core.pointee.currentNow()
      while let entry = core.pointee.reactor.timers.popDue(nowUs: now) {
        core.pointee.record(.timerFire(task: entry.waker.task))
        core.pointee.wake(entry.waker, by: .timer)
        woken += 1
      }
    }
    if !core.pointee.deferred.isEmpty {
      woken += core.pointee.deferred.count
      core.pointee.wakeDeferred()
    }
    return woken
  }
}
