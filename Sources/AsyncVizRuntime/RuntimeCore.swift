import AsyncVizTrace

/// Everything the executor's hot path touches, in one struct reached through
/// one pointer (`Runtime.core`): no class properties, so no exclusivity checks
/// or reference counting per resumption (platform-notes.md, performance).
struct RuntimeCore: ~Copyable {
  /// Limits and thresholds.
  let options: RuntimeOptions
  /// Ready tasks, in the order they will be polled.
  var runQueue = RunQueue()
  /// Bookkeeping per task and its cell, indexed by `TaskID.index`.
  var slots = TaskTable<TaskSlot>()
  /// The lints' counters per task, indexed likewise; empty when tracing is
  /// off (lints are events: nobody would see them).
  var lintCounters = TaskTable<LintCounters>(capacity: 16)
  /// Wakers of tasks waiting for a task to finish, by the awaited task.
  var joinWaiters: [TaskID: [Waker]] = [:]
  /// The trace being recorded.
  var recorder: TraceRecorder
  /// Interest list, timers and the backend.
  var reactor: Reactor
  /// Tasks not yet done.
  var liveTasks = 0
  /// block_on's own future (main): polled by the block_on loop when woken,
  /// never put in the run queue (nil for native workloads of plain tasks).
  var blockOn: TaskID?
  /// tokio's `woken` flag: `blockOn` was woken and is polled at the top of
  /// the block_on loop's next iteration.
  var blockOnWoken = false
  /// Wakers `yield_now` put in the defer list: woken after the next driver
  /// turn (tokio's `context::defer`, drained by `wake_deferred_tasks`).
  var deferred = Ring<DeferredWaker>()
  /// `Context.failure` of the poll under way (nil when it ends).
  var failure: String?
  /// Where the block_on loop is between steps.
  var loop = SchedulerLoop.top
  /// Set once the run has ended; no step happens after.
  var end: RunEnd? {
    didSet { ended = end != nil }
  }
  /// `end != nil`, read by every step without copying the `RunEnd`.
  private(set) var ended = false
  /// Whether a run-time error stopped part of the program (`Context.fail`):
  /// the run then ends with reason `error`, however its tasks ended.
  var failed = false
  /// The backend's clock as last read (see `refreshClock`); never decreases.
  /// May be behind the clock while `clockStale` is set: read it through
  /// `currentNow()` wherever that matters.
  var now: Int64 = 0
  /// Whether time may have passed since `now` was read, and nobody has
  /// needed the time since. Only a real clock with tracing off sets it
  /// (`Runtime.lazyClock`): nothing is recorded then, so the clock is read
  /// only where a value is used (a future's `now`, a timer's deadline or
  /// the wait's timeout when timers are armed, the run's end), and a
  /// ping-pong round trip, which uses none, reads it not at all.
  var clockStale = false
  /// Whether the backend's clock moves by itself (real time) and must be
  /// re-read at poll boundaries; a virtual clock moves only in `pass`/`wait`.
  let liveClock: Bool

  init(program: ProgramInfo, backend: any ReactorBackend, options: RuntimeOptions) {
    self.options = options
    self.recorder = TraceRecorder(program: program, enabled: options.tracing)
    self.reactor = Reactor(backend: backend)
    self.liveClock = backend.clockMovesByItself
    self.now = backend.now
  }

  deinit {
    // The defer list's routes were released by `Runtime.deinit` (a
    // noncopyable struct's deinit cannot mutate it).
    for i in slots.indices { slots[i].cell.release() }
  }

  /// Re-reads the backend's clock. Called after the clock may have moved:
  /// `pass`, `wait`, and (for a real clock) at poll boundaries, so events
  /// inside one poll carry the time the poll started unless work was done.
  @inline(__always)
  mutating func refreshClock() {
    now = reactor.backend.now
    clockStale = false
  }

  /// The time now: `now`, read afresh first if it may be stale.
  @inline(__always)
  mutating func currentNow() -> Int64 {
    if clockStale { refreshClock() }
    return now
  }

  @inline(__always)
  mutating func record(_ payload: EventPayload) {
    if recorder.enabled { recorder.record(payload, at: now) }
  }

  // MARK: tasks

  /// `cell` is already retained for the slot, which takes that reference.
  mutating func spawn(
    name: String, parent: TaskID?, cell: Unmanaged<TaskCell>, blockOn: Bool = false
  ) -> TaskID {
    let id = recorder.addTask(name: name, parent: parent)
    slots.append(TaskSlot(cell: cell))
    if recorder.enabled { lintCounters.append(LintCounters()) }
    liveTasks += 1
    record(.spawn(task: id, parent: parent))
    if blockOn {
      // tokio's block_on sets `woken` on entry, so main is polled first.
      self.blockOn = id
      blockOnWoken = true
      record(.schedule(task: id, cause: .spawn, position: 0))
    } else {
      schedule(id, cause: .spawn)
    }
    return id
  }

  @inline(__always)
  mutating func schedule(_ id: TaskID, cause: ScheduleCause) {
    slots.pointer(id.index).pointee.queued = true
    let position = runQueue.push(id)
    // Unchecked: a queue of 2^31 tasks would need hundreds of GB first, and
    // the check ran before `record` knew whether tracing is on.
    record(.schedule(task: id, cause: cause, position: Int32(truncatingIfNeeded: position)))
  }

  // MARK: wakers

  /// Hands out a copy of `task`'s waker to be stored by a leaf future's callee.
  /// (`route` is consumed: moved into the waker, with no retain and release
  /// of a route that is most often nil.)
  mutating func storeWaker(for task: TaskID, route: consuming WakeRoute?) -> Waker {
    slots[task.index].wakersHeld += 1
    record(.wakerClone(task: task))
    return Waker(task: task, route: route)
  }

  /// Drops a stored waker without waking it (its future was cancelled).
  mutating func dropWaker(_ waker: Waker) {
    slots[waker.task.index].wakersHeld -= 1
    record(.wakerDrop(task: waker.task))
  }

  /// Consumes a stored waker: records the wake and queues the task if it can be.
  /// The waker is consumed, and its route released only where it has one:
  /// releasing an optional route of unknown case was a call (and a runtime
  /// call on nil) on every reactor wake.
  mutating func wake(_ waker: consuming Waker, by source: WakeSource, fd: Int32? = nil, from: TaskID? = nil) {
    let task = waker.task
    let slot = slots.pointer(task.index)
    slot.pointee.wakersHeld -= 1
    if let route = (consume waker).route { route.mark() }
    wakeTask(task, slot: slot, by: source, fd: fd, from: from)
  }

  /// A task wakes itself by reference during its own poll (no stored waker involved).
  @inline(__always)
  mutating func wakeSelf(_ task: TaskID) {
    let slot = slots.pointer(task.index)
    if recorder.enabled { lintCounters[task.index].selfWakes += 1 }
    wakeTask(task, slot: slot, by: .own, fd: nil, from: nil)
  }

  /// `slot` is `task`'s, in place (`TaskTable.pointer`).
  @inline(__always)
  private mutating func wakeTask(
    _ task: TaskID, slot: UnsafeMutablePointer<TaskSlot>, by source: WakeSource, fd: Int32?, from: TaskID?
  ) {
    // Counted for the lints, which are judged only when tracing is on.
    if recorder.enabled { lintCounters[task.index].wakes += 1 }
    record(.wake(task: task, by: source, fd: fd, fromTask: from))
    switch slot.pointee.state.wakeEffect {
    case .schedule:
      slot.pointee.state = .ready
      requeue(task)
    case .notifyWhilePolling:
      slot.pointee.notified = true
    case .none:
      break
    }
  }

  /// Makes a woken task runnable: block_on's future gets its `woken` flag
  /// (position 0 in the trace), any other task goes to the back of the queue.
  @inline(__always)
  mutating func requeue(_ task: TaskID) {
    if task == blockOn {
      blockOnWoken = true
      record(.schedule(task: task, cause: .wake, position: 0))
    } else {
      schedule(task, cause: .wake)
    }
  }

  /// Puts a clone of the task's waker in the defer list (`yield_now`). The
  /// `defer` event stands for the clone too (no `waker_clone` before it):
  /// one event fewer on the hot path of a yield.
  @inline(__always)
  mutating func deferWake(_ task: TaskID, routeSet: Unmanaged<ReadySet>?, routeIndex: Int) {
    slots[task.index].wakersHeld += 1
    record(.deferWake(task: task))
    deferred.append(DeferredWaker(task: task, routeSet: routeSet?.retain(), routeIndex: routeIndex))
  }

  /// Wakes the deferred wakers, in the order they were deferred: what `wake`
  /// does for a stored waker, with the route taken back from the entry.
  mutating func wakeDeferred() {
    // Waking never defers, so draining to empty wakes exactly the wakers
    // deferred before this driver turn.
    while let entry = deferred.popFirst() {
      let slot = slots.pointer(entry.task.index)
      slot.pointee.wakersHeld -= 1
      if let set = entry.routeSet {
        WakeRoute(set: set.takeRetainedValue(), index: entry.routeIndex).mark()
      }
      wakeTask(entry.task, slot: slot, by: .deferred, fd: nil, from: nil)
    }
  }

  /// Empties the defer list without waking (the run is over).
  mutating func dropDeferred() {
    while let entry = deferred.popFirst() { entry.routeSet?.release() }
  }

  // MARK: lints

  /// Fires a lint once per task; `detail` is only built when it fires.
  mutating func lint(_ task: TaskID, _ code: LintCode, _ detail: () -> String) {
    let bit = UInt8(1) << code.rawValue
    guard lintCounters[task.index].lintsFired & bit == 0 else { return }
    lintCounters[task.index].lintsFired |= bit
    let id = recorder.intern(detail())
    record(.lint(task: task, code: code, detail: id))
  }

  /// The work a poll must do for a yield at its end to count as a working
  /// yield rather than busy polling: a tenth of the long-poll threshold (1 ms
  /// by default). Yielding about that often keeps both lints quiet.
  static func workingYieldUs(_ longPollThresholdUs: Int64) -> Int64 { max(1, longPollThresholdUs / 10) }

  /// The lints judged when a poll ends.
  @inline(__always)
  mutating func checkLints(after task: TaskID, result: PollResult) {
    // The common poll, judged without copying the slot: short, and either
    // finished, woken or with a waker held, and no busy self-wake ever (so
    // none to judge now, and the self-wake lint's share is 0). None of the
    // lints can fire for it.
    let counters = lintCounters.pointer(task.index)
    let ran = now - counters.pointee.pollStartUs
    if ran <= options.longPollThresholdUs
      && (result == .ready || slots[task.index].notified || slots[task.index].wakersHeld > 0)
      && counters.pointee.selfWakes == counters.pointee.judgedSelfWakes
      && counters.pointee.busySelfWakes == 0
    {
      return
    }
    judgeLints(after: task, result: result, ran: ran)
  }

  /// The lints judged when a poll ends, in full (`checkLints` skips the polls
  /// none of them can fire for).
  @inline(never)
  private mutating func judgeLints(after task: TaskID, result: PollResult, ran: Int64) {
    let slot = slots[task.index]
    let counts = lintCounters[task.index]
    let threshold = options.longPollThresholdUs
    if ran > threshold {
      // tokio-console judges only the first poll (never-yielded); a later
      // long poll is asyncviz's own lint.
      let first = counts.polls == 1
      lint(task, first ? .neverYielded : .longPoll) {
        let which = first ? "its first poll" : "one poll"
        return
          "\(which) ran \(DurationText.duration(ran)) without yielding (threshold \(DurationText.duration(threshold)))"
      }
    }
    if result == .pending && !slot.notified && slot.wakersHeld <= 0 {
      lint(task, .lostWaker) { "returned Pending but no waker of it is held by anyone: nothing can wake it" }
    }
    // Waking itself is busy polling only when the poll did almost no work:
    // yielding after a chunk of real work is what the long-poll advice asks
    // for, and must not fire this lint (the two pieces of advice agree).
    let fresh = counts.selfWakes - counts.judgedSelfWakes
    lintCounters[task.index].judgedSelfWakes = counts.selfWakes
    if fresh > 0 && ran < RuntimeCore.workingYieldUs(threshold) {
      lintCounters[task.index].busySelfWakes += fresh
    }
    let busy = lintCounters[task.index].busySelfWakes
    if counts.wakes >= options.selfWakeMinimumWakes && busy * 2 > counts.wakes {
      lint(task, .selfWake) {
        "\(busy) of its \(counts.wakes) wakes were by itself, after polls that did almost no work"
      }
    }
  }
}
