import AsyncVizTrace

/// The life of a task as the reducer sees it, with the words the panels and notes use (tokio-console's).
///
/// Transitions the reducer makes (others would mean a malformed trace; the
/// reducer follows the events anyway, it never traps on input):
/// `ready -> polling` (poll_start), `polling -> pending | ready` (poll_end;
/// ready when it was re-queued during its own poll), `polling -> done`
/// (complete), `pending -> ready` (schedule after a wake), and at the end of a
/// stuck run `pending | ready -> stuck`, and `pending | ready -> dropped`
/// (task_drop: block_on returned first). `done`, `stuck` and `dropped` are final.
public enum TaskStatus: UInt8, Sendable, CaseIterable {
  /// In the run queue.
  case ready
  /// Being polled right now.
  case polling
  /// Returned Pending; waiting for a wake.
  case pending
  /// Its future returned Ready.
  case done
  /// Pending at the end of a stuck run: nothing can ever wake it.
  case stuck
  /// Still alive when main (block_on's future) returned: the runtime dropped it.
  case dropped

  /// Whether the task has ended: finished, or dropped unfinished.
  public var isOver: Bool { self == .done || self == .dropped }

  /// The word used in panels and notes.
  public var name: String {
    switch self {
    case .ready: "ready"
    case .polling: "polling"
    case .pending: "pending"
    case .done: "done"
    case .stuck: "stuck"
    case .dropped: "dropped"
    }
  }

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
