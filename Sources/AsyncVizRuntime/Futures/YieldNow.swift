import AsyncVizTrace

/// Gives the thread to the other ready tasks: wakes its own task and returns
/// Pending once, so the task goes to the back of the run queue (tokio's
/// `yield_now`).
public struct YieldNow: Future {
  /// `fresh -> yielded` on the first poll, Ready on the second.
  private var yielded = false

  /// A future that yields once.
  public init() {}

  @inline(__always)
  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if yielded { return .ready(()) }
    yielded = true
    cx.wakeSelf()
    cx.suspend(on: .yieldNow)
    return .pending
  }
}
