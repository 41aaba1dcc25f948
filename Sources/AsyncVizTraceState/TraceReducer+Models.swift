import AsyncVizTrace

/// The reducer's cases for the go, node and threads models' own events: what
/// they mean for the task facts every model shares (polls, wakes, the line
/// and what it awaits, the task running). The status each event gives its
/// task (running is shown as polling, waiting as pending, queued as ready) is
/// `TaskTransition`'s, applied after these cases. Each model's own
/// structures are applied by its state (`GoSchedState`, `NodeLoopState`,
/// `KernelState`).
extension TraceState {
  /// Go's scheduler events, for the task facts every model shares; Go's own
  /// words are in `go` (`GoSchedState`).
  mutating func applyGo(_ payload: EventPayload, at t: Int64) {
    if let id = payload.task { ensureTask(id, at: t) }
    switch payload {
    case .goRunqPut(let id, _, _), .goPreempt(let id, _):
      // A parked goroutine put on a run queue was readied (goready): a wakeup.
      if tasks[id.index].status == .pending { tasks[id.index].wakes += 1 }
      if polling == id { polling = nil }
    case .goExecute(let id, _, _), .goSyscallExit(let id, _, 0...):
      startRun(id)
    case .goPark(let id, let line, _):
      tasks[id.index].line = line
      if polling == id { polling = nil }
      action = .poll(id, result: .pending)
    default: break
    }
  }

  /// Node's loop events: the loop's own state, and the async fns' runs and
  /// wakes (a resume queued for an fn awaiting is its wake).
  mutating func applyNode(_ payload: EventPayload, at t: Int64) {
    if let id = payload.task { ensureTask(id, at: t) }
    node.apply(payload)
    switch payload {
    case .phase: action = .reactorTurn
    case .callPush(let id):
      startRun(id)
    case .callPop(let id, let line, let awaiting):
      polling = node.callStack.last
      tasks[id.index].awaiting = awaiting
      tasks[id.index].line = line
      action = .poll(id, result: line != 0 || awaiting != .nothing ? .pending : .ready)
    case .microtaskQueue(let id, .resume):
      // The promise it awaits settled: a job to resume it is queued.
      if tasks[id.index].status == .pending { tasks[id.index].wakes += 1 }
    default: break
    }
  }

  /// The kernel's events: a thread's runs on a CPU, what it blocks on, and
  /// its wakes (a blocked thread made runnable).
  mutating func applyThreads(_ payload: EventPayload, at t: Int64) {
    guard let id = payload.task else { return }
    ensureTask(id, at: t)
    switch payload {
    case .threadRun:
      startRun(id)
    case .threadStop(_, _, let line, let awaiting):
      if polling == id { polling = nil }
      tasks[id.index].awaiting = awaiting
      tasks[id.index].line = line
      action = .poll(id, result: .pending)
    case .threadReady:
      if tasks[id.index].status == .pending { tasks[id.index].wakes += 1 }
    default: break
    }
  }
}
