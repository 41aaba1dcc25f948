import AsyncVizTrace

/// Gives the thread to the other tasks: returns Pending once, with its waker
/// in the scheduler's defer list (tokio's `yield_now` calls `context::defer`),
/// so the task is woken only after the next driver turn, behind the ready
/// tasks and the tasks that turn wakes.
public struct YieldNow: Future {
  /// `fresh -> yielded` on the first poll, Ready on the second.
  private var yielded = false

  /// A future that yields once.
  public init() {}

  @inline(__always)
  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if yielded { return .ready(()) }
    yielded = true
    cx.deferWake()
    cx.suspend(on: .yieldNow)
    return .pending
  }
}
