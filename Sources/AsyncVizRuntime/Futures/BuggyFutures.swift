import AsyncVizTrace

/// A deliberately broken leaf future: returns Pending without storing the
/// waker anywhere, so nothing can ever wake its task (the lost-waker lint).
public struct LostWaker: Future {
  /// A future that never completes.
  public init() {}

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    cx.suspend(on: .lostWaker)
    return .pending
  }
}

/// A deliberately wasteful leaf future: wakes its own task and returns Pending
/// `count` times before finishing, so the self-wake lint fires.
public struct SelfWake: Future {
  /// Self-wakes still to do.
  private var remaining: Int

  /// Wakes itself `count` times.
  public init(count: Int) { remaining = max(0, count) }

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    if remaining == 0 { return .ready(()) }
    remaining -= 1
    cx.wakeSelf()
    cx.suspend(on: .selfWake)
    return .pending
  }
}
