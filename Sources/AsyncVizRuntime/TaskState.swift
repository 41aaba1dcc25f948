/// The life of a task, with the words the trace and the UI use.
///
/// Transitions (anything else is a runtime bug and traps in debug builds):
/// `ready -> polling` (popped from the run queue, or block_on polling main),
/// `polling -> pending | ready | done` (the poll returned; ready when it was
/// woken during the poll), `pending -> ready` (woken), and
/// `pending | ready -> dropped` (main returned first). `done` and `dropped`
/// are final. `stuck` is not a state the runtime holds: it is a pending task
/// that nothing can wake, found at the end.
public enum TaskState: UInt8, Sendable {
  /// In the run queue (or, for block_on's future, marked woken).
  case ready
  /// Being polled right now.
  case polling
  /// Returned Pending; waiting for a wake.
  case pending
  /// Its future returned Ready.
  case done
  /// Alive when block_on's future (main) returned: dropped unfinished.
  case dropped

  /// The word used in traces and panels.
  public var name: String {
    switch self {
    case .ready: "ready"
    case .polling: "polling"
    case .pending: "pending"
    case .done: "done"
    case .dropped: "dropped"
    }
  }

  /// The state after the executor pops the task from the run queue.
  @inlinable
  func startPoll() -> TaskState {
    assert(self == .ready, "only a ready task is polled")
    return .polling
  }

  /// The state after a poll returns; `notified` when the task was woken
  /// during the poll (it is queued again now that the poll is over).
  @inlinable
  func endPoll(finished: Bool, notified: Bool) -> TaskState {
    assert(self == .polling, "a poll ends only while polling")
    if finished { return .done }
    return notified ? .ready : .pending
  }

  /// What a wake does to a task in this state.
  enum WakeEffect {
    /// Queue it (it was pending).
    case schedule
    /// Remember it: it is queued when its poll ends (tokio's NOTIFIED bit).
    case notifyWhilePolling
    /// Nothing: it is queued already, or it has ended.
    case none
  }

  /// The effect of a wake.
  var wakeEffect: WakeEffect {
    switch self {
    case .pending: .schedule
    case .polling: .notifyWhilePolling
    case .ready, .done, .dropped: .none
    }
  }
}
