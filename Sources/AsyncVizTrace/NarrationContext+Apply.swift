extension NarrationContext {
  /// Brings the context past `event`: call it after `note(for:in:)` of the
  /// same event. Tolerates events that a sound runtime never emits (unknown
  /// tasks, a pop of a task not queued) without trapping.
  public mutating func apply(_ event: TraceEvent, in trace: Trace) {
    defer { lastPayload = event.payload }
    switch event.payload {
    case .spawn(let task, _):
      grow(to: task)
      liveCount += 1
    case .schedule(let task, _, let position):
      grow(to: task)
      if info(task).phase == .pending { pendingCount -= 1 }
      guard position > 0 else {
        // block_on's own future: marked woken, never in the run queue.
        blockOnTask = task
        blockOnWoken = true
        update(task) { t in t.phase = t.phase.scheduled() }
        return
      }
      update(task) { t in
        t.queued = true
        t.phase = t.phase.scheduled()
      }
      queue.append(task)
    case .pollStart(let task):
      grow(to: task)
      if task == blockOnTask {
        blockOnWoken = false
      } else {
        pollsSinceDriver += 1
        removeFromQueue(task)
      }
      update(task) { t in
        t.queued = false
        t.phase = t.phase.pollStarted()
        t.polls += 1
        t.pollStartUs = event.tUs
        t.wokenInPoll = false
        t.deferredInPoll = false
      }
    case .pollEnd(let task, let result, let line, let awaiting):
      if result == .pending {
        update(task) { t in
          t.phase = t.phase.pollEndedPending(requeued: t.queued)
          t.awaiting = awaiting
          t.line = line
        }
        if info(task).phase == .pending { pendingCount += 1 }
      }
    case .complete(let task):
      update(task) { t in t.phase = t.phase.completed() }
      if info(task).queued {
        // A task that woke itself and then finished leaves a stale entry that
        // the executor skips; it is not waiting any more.
        removeFromQueue(task)
        update(task) { t in t.queued = false }
      }
      liveCount -= 1
    case .register(let task, let fd, let interest):
      if fds[fd] == nil { addFd(fd, FdInfo(task: task, resource: .empty, op: .empty)) }
      fds[fd]?.interest = interest
    case .deregister(let fd):
      if let entry = fds.removeValue(forKey: fd) {
        update(entry.task) { t in t.fds.removeAll { $0 == fd } }
      }
    case .reactorWait:
      readyInTurn = 0
      pollsSinceDriver = 0
    case .reactorReady(let fd, _):
      readyInTurn += 1
      fds[fd]?.answered = true
    case .timerSet(let task, let deadline):
      update(task) { t in t.timers.append(deadline) }
    case .timerFire(let task):
      update(task) { t in
        if let k = t.timers.firstIndex(where: { $0 <= event.tUs }) { t.timers.remove(at: k) }
      }
    case .timerCancel(let task, let deadline):
      update(task) { t in
        if let k = t.timers.firstIndex(of: deadline) { t.timers.remove(at: k) }
      }
    case .wake(let task, let by, _, _):
      // A self-wake goes through the task's own reference, no stored waker.
      if by != .own { update(task) { t in t.wakers -= 1 } }
      if by == .deferred { deferred -= 1 }
      if info(task).phase == .polling { update(task) { t in t.wokenInPoll = true } }
    case .deferWake(let task):
      deferred += 1
      update(task) { t in
        t.deferredInPoll = true
        t.wakers += 1
      }
    case .taskDrop(let task):
      if info(task).phase == .pending { pendingCount -= 1 }
      if info(task).queued {
        removeFromQueue(task)
        update(task) { t in t.queued = false }
      }
      update(task) { t in t.phase = .dropped }
      liveCount -= 1
    case .wakerClone(let task):
      update(task) { t in t.wakers += 1 }
    case .wakerDrop(let task):
      update(task) { t in t.wakers -= 1 }
    case .ioSend(let task, let fd, let resource, let op):
      addFd(fd, FdInfo(task: task, resource: resource, op: op))
    case .output, .block, .lint:
      break
    }
  }

  /// Registers a new fd (replacing a stale entry of a reused number).
  private mutating func addFd(_ fd: Int32, _ entry: FdInfo) {
    if let old = fds[fd] { update(old.task) { t in t.fds.removeAll { $0 == fd } } }
    fds[fd] = entry
    update(entry.task) { t in t.fds.append(fd) }
  }

  /// Makes room for `task` in the table.
  private mutating func grow(to task: TaskID) {
    let i = task.index
    guard i >= 0 else { return }
    while tasks.count <= i { tasks.append(TaskInfo()) }
  }

  /// Changes a known task's info in place; ignores unknown ids.
  private mutating func update(_ task: TaskID, _ change: (inout TaskInfo) -> Void) {
    let i = task.index
    guard i >= 0 && i < tasks.count else { return }
    change(&tasks[i])
  }

  /// Removes the first entry of `task` (normally the front one) from the run queue.
  private mutating func removeFromQueue(_ task: TaskID) {
    if queueHead < queue.count && queue[queueHead] == task {
      queueHead += 1
    } else if let k = queue[queueHead...].firstIndex(of: task) {
      queue.remove(at: k)
    }
    if queueHead >= 1024 && queueHead * 2 >= queue.count {
      queue.removeFirst(queueHead)
      queueHead = 0
    }
  }
}
