import AsyncVizTrace

/// A handle that puts one task back on the run queue, as in Rust's `Waker`.
///
/// In a single-threaded runtime a waker needs only the task's id: waking goes
/// through the `Context` (inside a poll) or the reactor (between polls). The
/// runtime counts the wakers each task has handed out (`Context.storeWaker`,
/// `wake`, `drop`) so that a pending task that nobody can wake is reported as
/// a lost waker. Rust counts references the same way, implicitly.
public struct Waker: Hashable, Sendable {
  /// The task this waker wakes.
  public let task: TaskID
  /// The combinator child it was stored for, if it was stored inside one:
  /// waking marks that child so that only woken children are polled again.
  let route: WakeRoute?

  /// Makes a waker for `task`; only the runtime hands these out.
  @usableFromInline init(task: TaskID, route: WakeRoute? = nil) {
    self.task = task
    self.route = route
  }
}
