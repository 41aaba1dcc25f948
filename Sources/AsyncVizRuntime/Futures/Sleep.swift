import AsyncVizTrace

/// Completes `durationUs` after its first poll, through the reactor's timer
/// queue (tokio's `sleep`: the deadline is fixed when it is first polled).
public struct Sleep: Future {
  /// `idle -> armed(timer) -> finished`; or `armed -> finished` by cancel.
  private enum State {
    case idle
    case armed(TimerID)
    case finished
  }

  /// How long to sleep, in microseconds.
  public let durationUs: Int64
  private var state = State.idle

  /// Sleeps for `durationUs` once awaited.
  public init(durationUs: Int64) { self.durationUs = durationUs }

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    switch state {
    case .idle:
      state = .armed(cx.armTimer(deadlineUs: cx.now.saturatingAdding(max(0, durationUs))))
    case .armed(let id):
      if cx.timerFired(id) {
        state = .finished
        return .ready(())
      }
    case .finished:
      return .ready(())
    }
    cx.suspend(on: .sleep)
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    if case .armed(let id) = state { cx.cancelTimer(id) }
    state = .finished
  }
}
