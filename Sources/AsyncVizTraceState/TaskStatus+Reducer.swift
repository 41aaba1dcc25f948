import AsyncVizTrace

/// The transitions the reducer makes (others would mean a malformed trace; the
/// reducer follows the events anyway, it never traps on input).
extension TaskStatus {
  /// The status after the task is put on the run queue; nil when the
  /// schedule does not change it (a task being polled stays `polling` and
  /// becomes `ready` when its poll ends).
  @inlinable
  func scheduled() -> TaskStatus? {
    switch self {
    case .pending, .ready: .ready
    case .polling, .done, .stuck, .dropped: nil
    }
  }

  /// The status after a poll that returned Pending.
  @inlinable
  func pollReturnedPending(requeued: Bool) -> TaskStatus {
    requeued ? .ready : .pending
  }
}
