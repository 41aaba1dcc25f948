/// Which future a timer is for, carried on its `timer_set` under the node
/// model (a `setTimeout`) and the go model (a runtime timer) so that the
/// note written as the event arrives can name it (the notes never look
/// ahead in the trace, and the task alone does not tell). Traces written
/// before the word, and the rust and threads models' timers, have none.
public enum TimerPurpose: UInt8, Sendable, CaseIterable, TraceWord {
  /// `sleep(d)`: node's `new Promise(r => setTimeout(r, d))`, go's `time.Sleep(d)`.
  case sleep
  /// `timeout(d, f)`'s timer: node's `sleep(d).then(() => NONE)` races `f`;
  /// go's `time.After(d)` is a case of the `select` that receives from `f`.
  case timeout
  /// A resource call on the sim backend: a timer stands in for the server's
  /// latency (node's async fn awaits `sleep(latency)`; go's goroutine parks
  /// in IO wait until it fires) before the reply is there.
  case latency

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .sleep: "sleep"
    case .timeout: "timeout"
    case .latency: "latency"
    }
  }
}
