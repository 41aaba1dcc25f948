/// The life of a task, with the words the trace, the panels and the notes use
/// (tokio-console's). The runtime holds it for each task and the reducer
/// rebuilds it from the events, so both speak of the same states.
///
/// Transitions: `ready -> polling` (popped from the run queue, or block_on
/// polling main; `poll_start`), `polling -> pending | ready` (the poll returned
/// Pending; ready when the task was woken during the poll), `polling -> done`
/// (its future returned Ready), `pending -> ready` (woken), and
/// `pending | ready -> dropped` (block_on's future, main, returned first).
/// `stuck` is found at the end of a run, not held by the runtime: a pending
/// task that nothing can wake. `done`, `stuck` and `dropped` are final.
public enum TaskStatus: UInt8, Sendable, CaseIterable {
  /// In the run queue (or, for block_on's future, marked woken).
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

  /// The final status an event gives its task: `done` after `complete`,
  /// `dropped` after `task_drop`; nil for every other event.
  @inlinable
  public static func ending(_ payload: EventPayload) -> (task: TaskID, status: TaskStatus)? {
    switch payload {
    case .complete(let task): (task, .done)
    case .taskDrop(let task): (task, .dropped)
    default: nil
    }
  }

  /// The word used in traces, panels and notes.
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
}
