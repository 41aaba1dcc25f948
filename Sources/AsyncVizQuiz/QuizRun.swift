import AsyncVizTrace
import AsyncVizTraceState

/// A complete run as the question rules read it: the history (any step's
/// state at once) and the facts several rules need.
public struct QuizRun: Sendable {
  /// The run.
  public let history: TraceHistory

  /// The run to ask about.
  public init(history: TraceHistory) { self.history = history }

  /// The trace.
  public var trace: Trace { history.trace }

  /// "#2 handler".
  func label(_ id: TaskID) -> String { trace.label(id) }

  /// "db.query (line 14)", "join #2 (line 23)", "line 9", or "something not
  /// ready": what a suspended task waits on, in words.
  func waitText(_ awaiting: Awaited, line: Int32) -> String {
    let what = awaiting.label(in: trace)
    switch (what.isEmpty, line > 0) {
    case (false, true): return "\(what) (line \(line))"
    case (false, false): return what
    case (true, true): return "line \(line)"
    case (true, false): return "something not ready"
    }
  }

  /// What task `info` waits on, in words.
  func waitText(_ info: TaskInfo) -> String { waitText(info.awaiting, line: info.line) }

  /// The first event at or after index `start` for which `match` holds.
  func firstEvent(from start: Int, where match: (EventPayload) -> Bool) -> Int? {
    var i = start
    while i < trace.events.count {
      if match(trace.events.payload(at: i)) { return i }
      i += 1
    }
    return nil
  }

  /// ", which wakes it at step 9 (t = 65.000 ms)" or ", and nothing wakes it
  /// later": when `task` is next woken after event index `start`.
  func laterWake(of task: TaskID, after start: Int) -> String {
    let i = firstEvent(from: start) {
      if case .wake(let t, _, _, _) = $0 { return t == task }
      return false
    }
    guard let i else { return ", and nothing wakes it later in this run" }
    let event = trace.events[i]
    return "; it is woken later, at step \(event.step) (t = \(DurationText.instant(event.tUs)))"
  }

  /// "step 11 (t = 65.000 ms)".
  func when(_ i: Int) -> String {
    let event = trace.events[i]
    return "step \(event.step) (t = \(DurationText.instant(event.tUs)))"
  }
}
