import AsyncVizTrace
import AsyncVizTraceState

/// The notes of one step, as the narration panel shows them.
public struct StepNarration: Equatable, Sendable {
  /// The step.
  public var step: UInt32
  /// The first notes of the step, in event order.
  public var notes: [String]
  /// Notes of the step left out (a reactor turn may wake hundreds of tasks).
  public var omitted: Int

  /// The notes of consecutive steps (their event ranges ascending and
  /// adjacent), at most `limit` per step, in the same order: the same notes
  /// as the transcript and the JSON trace, narrated from the reducer's state
  /// before each event, which the history reaches at once.
  public static func notes(
    of steps: [(step: UInt32, events: Range<Int>)], in history: TraceHistory, limit: Int
  ) -> [StepNarration] {
    guard let first = steps.first else { return [] }
    let trace = history.trace
    var i = min(first.events.lowerBound, trace.events.count)
    var state = history.state(afterEvents: i)
    var result: [StepNarration] = []
    for (step, range) in steps {
      var notes: [String] = []
      let end = min(range.upperBound, trace.events.count)
      while i < end {
        if notes.count < limit { notes.append(state.note(forEvent: i, in: trace)) }
        i += 1
        TraceReducer.apply(trace.events, upTo: i, to: &state)
      }
      result.append(StepNarration(step: step, notes: notes, omitted: max(0, range.count - notes.count)))
    }
    return result
  }
}
