import AsyncVizTrace

/// The reactor's services, as leaf futures (resource calls, sleep) use them.
extension Context {
  /// Opens a connection to `resource` and writes the request; records `io_send`.
  public func send(to resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    let result = core.pointee.reactor.backend.connect(resource: resource, op: op, argument: argument)
    if case .success(let fd) = result {
      let r = intern(resource.name)
      let o = intern(op)
      core.pointee.record(.ioSend(task: task, fd: fd, resource: r, op: o))
    }
    return result
  }

  /// Puts `fd` in the interest list with a stored waker of this task.
  public func register(fd: Int32, interest: Interest) -> Result<Void, BackendError> {
    let result = core.pointee.reactor.backend.watch(fd: fd, interest: interest)
    guard case .success = result else { return result }
    core.pointee.record(.register(task: task, fd: fd, interest: interest))
    let waker = storeWaker()
    let registration = Reactor.Registration(task: task, interest: interest, waker: waker)
    core.pointee.reactor.interest.insert(registration, fd: fd)
    return result
  }

  /// Stores a fresh waker for an fd already registered whose waker was woken
  /// (the read found nothing yet). No-op when the registration still holds one.
  public func rearm(fd: Int32) {
    guard core.pointee.reactor.interest.lacksWaker(fd: fd) else { return }
    core.pointee.reactor.interest.setWaker(storeWaker(), fd: fd)
  }

  /// Reads the answer on `fd` (non-blocking).
  public func receive(fd: Int32) -> ReceiveResult { core.pointee.reactor.backend.receive(fd: fd) }

  /// Removes `fd` from the interest list, drops its waker if still stored, closes it.
  public func deregister(fd: Int32) {
    if let reg = core.pointee.reactor.interest.removeValue(forKey: fd) {
      if let w = reg.waker { core.pointee.dropWaker(w) }
      core.pointee.record(.deregister(fd: fd))
    }
    core.pointee.reactor.backend.close(fd: fd)
  }

  /// Arms a timer that wakes this task at `deadlineUs`.
  public func armTimer(deadlineUs: Int64) -> TimerID {
    let waker = storeWaker()
    core.pointee.record(.timerSet(task: task, deadlineUs: deadlineUs))
    return core.pointee.reactor.timers.arm(deadlineUs: deadlineUs, waker: waker)
  }

  /// Whether the timer has fired.
  public func timerFired(_ id: TimerID) -> Bool { core.pointee.reactor.timers.hasFired(id) }

  /// Cancels an armed timer and drops its waker (a `sleep` dropped by select);
  /// records `timer_cancel` first, so that readers of the trace know exactly
  /// which timer left the queue.
  public func cancelTimer(_ id: TimerID) {
    if let deadline = core.pointee.reactor.timers.cancel(id) {
      core.pointee.record(.timerCancel(task: task, deadlineUs: deadline))
      core.pointee.dropWaker(Waker(task: task))
    }
  }
}
