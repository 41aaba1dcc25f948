import AsyncVizTrace

/// Completes at a fixed deadline, through the reactor's timer queue (tokio's
/// `sleep`): the deadline is fixed when the sleep is *made* (`now + D`, as
/// `tokio::time::sleep` computes `Instant::now() + duration`), the timer is
/// registered at the first poll, and a deadline already reached then is Ready
/// at once, with no timer and no reactor turn (tokio's wheel fires an entry
/// whose deadline has elapsed when it is inserted).
public struct Sleep: Future {
  /// `unset -> armed(timer) -> finished`, or `set -> armed(timer) ->
  /// finished`; `unset | set -> finished` when the deadline has passed at the
  /// first poll; `armed -> finished` by cancel. The timer is kept as its
  /// 32-bit index (the timer queue numbers its nodes in `Int32`), and the
  /// deadline and the duration share one field: a sleep is 16 bytes, not 40,
  /// so a sleeping task's cell is 64 bytes of heap instead of 96 (100,000
  /// sleepers touch about 780 fewer pages, each a page fault of 2-3 µs here).
  private enum State {
    /// `timeUs` is the duration; the deadline is fixed at the first poll.
    case unset
    /// `timeUs` is the deadline, fixed when the sleep was made.
    case set
    /// `timeUs` is the deadline; the timer is armed.
    case armed(Int32)
    /// `timeUs` is the deadline.
    case finished
  }

  /// The duration while `state` is `unset`, the deadline (on the runtime's
  /// clock, microseconds) from then on.
  private var timeUs: Int64
  private var state: State

  /// When the sleep ends, on the runtime's clock (microseconds); nil until
  /// the first poll for a sleep made with `init(durationUs:)`.
  public var deadlineUs: Int64? {
    if case .unset = state { return nil }
    return timeUs
  }

  /// Sleeps for `durationUs` from `nowUs`, the time it is made (what the .av
  /// interpreter uses: `sleep(D)` evaluated at `nowUs`).
  public init(durationUs: Int64, from nowUs: Int64) {
    timeUs = nowUs.saturatingAdding(max(0, durationUs))
    state = .set
  }

  /// Sleeps for `durationUs` from its first poll. For native code that makes
  /// the sleep inside the poll that awaits it, that is the same instant as
  /// tokio's `Instant::now() + duration`.
  public init(durationUs: Int64) {
    timeUs = max(0, durationUs)
    state = .unset
  }

  public mutating func poll(_ cx: inout Context) -> Poll<Void> {
    switch state {
    case .unset, .set:
      if case .unset = state { timeUs = cx.now.saturatingAdding(timeUs) }
      if timeUs <= cx.now {
        state = .finished
        return .ready(())
      }
      state = .armed(Int32(truncatingIfNeeded: cx.armTimer(deadlineUs: timeUs).rawValue))
    case .armed(let id):
      if cx.timerFired(TimerID(rawValue: Int(id))) {
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
    if case .armed(let id) = state { cx.cancelTimer(TimerID(rawValue: Int(id))) }
    state = .finished
  }
}
