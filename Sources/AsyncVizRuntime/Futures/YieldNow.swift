import AsyncVizTrace

/// Gives the thread to the other tasks: returns Pending once, with its waker
/// in the scheduler's defer list (tokio's `yield_now` calls `context::defer`),
/// so the task is woken only after the next driver turn, behind the ready
/// tasks and the tasks that turn wakes.
public struct YieldNow: Future {
  /// `fresh -> yielded` on the first poll, Ready on the second.
  @usableFromInline var yielded = false

  /// A future that yields once.
  @inlinable public init() {}

  // Inlinable, so that a caller in another module pays no call for the
  // second poll (Ready) and one for the first (`Context.deferYield`).
  @inlinable @inline(__always)
  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if yielded { return .ready(()) }
    yielded = true
    cx.deferYield()
    return .pending
  }
}
