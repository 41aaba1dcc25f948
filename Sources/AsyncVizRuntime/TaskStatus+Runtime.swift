import AsyncVizTrace

/// The transitions the runtime makes (anything else is a runtime bug and traps
/// in debug builds). The runtime never holds `stuck`: that is found at the end.
extension TaskStatus {
  /// The status after the executor pops the task from the run queue.
  @inlinable
  func startPoll() -> TaskStatus {
    assert(self == .ready, "only a ready task is polled")
    return .polling
  }

  /// The status after a poll returns; `notified` when the task was woken
  /// during the poll (it is queued again now that the poll is over).
  @inlinable
  func endPoll(finished: Bool, notified: Bool) -> TaskStatus {
    assert(self == .polling, "a poll ends only while polling")
    if finished { return .done }
    return notified ? .ready : .pending
  }

  /// What a wake does to a task in this status.
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
    case .ready, .done, .stuck, .dropped: .none
    }
  }
}
