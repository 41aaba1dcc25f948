import AsyncVizTrace
import AsyncVizTraceState

/// What a step rule reads: the state shown at `step` and the events of the
/// step after it, the one the question asks about.
struct StepWindow {
  /// The step shown when the question is asked.
  let step: UInt32
  /// The state after `step` (not finished: the run goes on).
  let before: TraceState
  /// The state after the next step.
  let after: TraceState
  /// The indices of the next step's events.
  let events: Range<Int>
  /// The whole run, for looking further ahead.
  let run: QuizRun

  /// The step asked about.
  var next: UInt32 { step + 1 }

  /// The first event of the next step for which `match` gives a value.
  func first<T>(_ match: (EventPayload) -> T?) -> (index: Int, value: T)? {
    for i in events {
      if let value = match(run.trace.events.payload(at: i)) { return (i, value) }
    }
    return nil
  }

  /// The first task the next step starts polling, and that event's index.
  var firstPollStart: (index: Int, task: TaskID)? {
    guard
      let found = first({ payload -> TaskID? in
        if case .pollStart(let t) = payload { return t }
        return nil
      })
    else { return nil }
    return (found.index, found.value)
  }
}
