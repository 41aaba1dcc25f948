import AsyncVizTrace

/// The reducer's cases for the go, node and threads models' own events: what
/// they mean for the task statuses every model shares (running is shown as
/// polling, waiting as pending, queued as ready). Each model's own structures
/// are applied by its state (`GoSchedState`, `NodeLoopState`, `KernelState`).
extension TraceState {
  /// Go's scheduler events, for the task statuses every model shares (running
  /// is "polling", parked is "pending", on a run queue is "ready"); Go's own
  /// words are in `go` (`GoSchedState`).
  mutating func applyGo(_ payload: EventPayload, at t: Int64) {
    if let id = payload.task { ensureTask(id, at: t) }
    switch payload {
    case .goRunqPut(let id, _, _), .goPreempt(let id, _):
      // A parked goroutine put on a run queue was readied (goready): a wakeup.
      if tasks[id.index].status == .pending { tasks[id.index].wakes += 1 }
      if tasks[id.index].status != .done { setStatus(id, .ready, at: t) }
      if polling == id { polling = nil }
    case .goExecute(let id, _, _), .goSyscallExit(let id, _, 0...):
      startRun(id, at: t)
    case .goPark(let id, let line, _):
      tasks[id.index].line = line
      setStatus(id, .pending, at: t)
      if polling == id { polling = nil }
      action = .poll(id, result: .pending)
    default: break
    }
  }

  /// Node's loop events: the loop's own state, and the async fns' statuses
  /// (on the call stack: running; popped at an await: pending; a resume
  /// queued: ready).
  mutating func applyNode(_ payload: EventPayload, at t: Int64) {
    if let id = payload.task { ensureTask(id, at: t) }
    node.apply(payload)
    switch payload {
    case .phase: action = .reactorTurn
    case .callPush(let id):
      startRun(id, at: t)
    case .callPop(let id, let line, let awaiting):
      polling = node.callStack.last
      tasks[id.index].awaiting = awaiting
      tasks[id.index].line = line
      if line != 0 || awaiting != .nothing {
        action = .poll(id, result: .pending)
        setStatus(id, .pending, at: t)
      } else {
        action = .poll(id, result: .ready)
      }
    case .microtaskQueue(let id, .resume):
      // The promise it awaits settled: a job to resume it is queued.
      if tasks[id.index].status == .pending {
        tasks[id.index].wakes += 1
        setStatus(id, .ready, at: t)
      }
    default: break
    }
  }

  /// The kernel's events: a thread on a CPU is running (shown as polling),
  /// one asleep in the kernel is pending, a runnable one is ready.
  mutating func applyThreads(_ payload: EventPayload, at t: Int64) {
    guard let id = payload.task else { return }
    ensureTask(id, at: t)
    switch payload {
    case .threadRun:
      startRun(id, at: t)
    case .threadStop(_, _, let line, let awaiting):
      if polling == id { polling = nil }
      tasks[id.index].awaiting = awaiting
      tasks[id.index].line = line
      action = .poll(id, result: .pending)
      setStatus(id, awaiting == .nothing || awaiting == .yieldNow ? .ready : .pending, at: t)
    case .threadReady:
      if tasks[id.index].status != .polling && !tasks[id.index].status.isOver {
        if tasks[id.index].status == .pending { tasks[id.index].wakes += 1 }
        setStatus(id, .ready, at: t)
      }
    default: break
    }
  }
}
