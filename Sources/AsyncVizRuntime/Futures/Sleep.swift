import AsyncVizTrace

/// Completes at a fixed deadline, through the reactor's timer queue (tokio's
/// `sleep`): the deadline is fixed when the sleep is *made* (`now + D`, as
/// `tokio::time::sleep` computes `Instant::now() + duration`), the timer is
/// registered at the first poll, and a deadline already reached then is Ready
/// at once, with no timer and no reactor turn (tokio's wheel fires an entry
/// whose deadline has elapsed when it is inserted).
public struct Sleep: Future {
  /// `idle -> armed(timer) -> finished`; `idle -> finished` when the deadline
  /// has passed at the first poll; `armed -> finished` by cancel.
  private enum State {
    case idle
    case armed(TimerID)
    case finished
  }

  /// When the sleep ends, on the runtime's clock (microseconds); nil until
  /// the first poll for a sleep made with `init(durationUs:)`.
  public private(set) var deadlineUs: Int64?
  /// The duration, for a sleep whose deadline is fixed at its first poll.
  private let durationUs: Int64
  private var state = State.idle

  /// Sleeps for `durationUs` from `nowUs`, the time it is made (what the .av
  /// interpreter uses: `sleep(D)` evaluated at `nowUs`).
  public init(durationUs: Int64, from nowUs: Int64) {
    self.durationUs = max(0, durationUs)
    self.deadlineUs = nowUs.saturatingAdding(self.durationUs)
  }

  /// Sleeps for `durationUs` from its first poll. For native code that makes
  /// the sleep inside the poll that awaits it, that is the same instant as
  /// tokio's `Instant::now() + duration`.
  public init(durationUs: Int64) {
    self.durationUs = max(0, durationUs)
    self.deadlineUs = nil
  }

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    switch state {
    case .idle:
      let deadlineUs = self.deadlineUs ?? cx.now.saturatingAdding(max(0, durationUs))
      self.deadlineUs = deadlineUs
      if deadlineUs <= cx.now {
        state = .finished
        return .ready(())
      }
      state = .armed(cx.armTimer(deadlineUs: deadlineUs))
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
