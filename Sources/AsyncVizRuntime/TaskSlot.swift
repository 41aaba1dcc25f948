import AsyncVizTrace

/// The executor's bookkeeping for one task, and its cell: plain values only
/// (the cell is held unmanaged), so the task table is a flat array the hot
/// path updates in place, and a poll reaches the task's state and its future
/// through one index (tokio's task is likewise one record: header, then core).
/// 16 bytes; the lints' counters are kept apart (`LintCounters`), and only
/// when tracing is on.
struct TaskSlot {
  /// The task's future (and output), retained once at spawn and released
  /// when the table is freed: a poll borrows it without a retain and a release.
  let cell: Unmanaged<TaskCell>
  /// Where the task is in its life (see `TaskStatus` for the transitions).
  var state: TaskStatus = .ready
  /// True exactly while the task's id is in the run queue.
  var queued = false
  /// Woken during its current poll: queued again when the poll returns.
  var notified = false
  /// Wakers of this task stored by someone (reactor, timer, channel, joiner);
  /// never negative. Pending with zero held and not queued means lost waker.
  var wakersHeld: Int32 = 0

  /// A fresh slot of a task whose future is `cell` (retained by the caller).
  init(cell: Unmanaged<TaskCell>) { self.cell = cell }
}
