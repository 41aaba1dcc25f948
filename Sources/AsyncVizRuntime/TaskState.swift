/// The life of a task, with the words the trace and the UI use.
///
/// Transitions (anything else is a runtime bug and traps in debug builds):
/// `ready -> polling` (popped from the run queue), `polling -> pending | ready | done`
/// (the poll returned; ready when it woke itself during the poll),
/// `pending -> ready` (woken). `done` is final. `stuck` is not a state the
/// runtime holds: it is a pending task that nothing can wake, found at the end.
public enum TaskState: UInt8, Sendable {
  /// In the run queue.
  case ready
  /// Being polled right now.
  case polling
  /// Returned Pending; waiting for a wake.
  case pending
  /// Its future returned Ready.
  case done

  /// The word used in traces and panels.
  public var name: String {
    switch self {
    case .ready: "ready"
    case .polling: "polling"
    case .pending: "pending"
    case .done: "done"
    }
  }

  /// The state after the executor pops the task from the run queue.
  @inlinable
  func startPoll() -> TaskState {
    assert(self == .ready, "only a ready task is polled")
    return .polling
  }

  /// The state after a poll returns.
  @inlinable
  func endPoll(finished: Bool, requeued: Bool) -> TaskState {
    assert(self == .polling, "a poll ends only while polling")
    if finished { return .done }
    return requeued ? .ready : .pending
  }

  /// The state after a wake; nil when the wake must not queue the task
  /// (already queued, being polled and already requeued, or done).
  @inlinable
  func woken(alreadyQueued: Bool) -> TaskState? {
    switch self {
    case .pending: return .ready
    case .polling: return alreadyQueued ? nil : .polling
    case .ready, .done: return nil
    }
  }
}
