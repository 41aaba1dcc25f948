import AsyncVizTrace
import AsyncVizTraceState

/// The notes of one step, as the narration panel shows them: the full
/// sentences (the zoomed pane) and the short forms (one line each, the
/// normal pane), both from `TraceState`'s note function.
public struct StepNarration: Equatable, Sendable {
  /// One short form and the kind of its event ("spawn"), so that a run of
  /// like events can be told in three lines.
  public struct Brief: Equatable, Sendable {
    public var kind: String
    public var text: String
  }

  /// The step.
  public var step: UInt32
  /// The first notes of the step, in event order.
  public var notes: [String]
  /// Notes of the step left out (a reactor turn may wake hundreds of tasks).
  public var omitted: Int
  /// The short forms of the step's first `briefHead` and last `briefTail`
  /// events, in event order, without the empty ones (an event whose fact a
  /// neighbour's short form tells).
  public var briefs: [Brief] = []
  /// Events between the head and the tail whose short forms were not made
  /// (0: none), and where in `briefs` they would go.
  public var gapEvents = 0
  /// The index in `briefs` where the events left out would go.
  public var gapAt = 0

  /// Short forms made at the start of a step: every one for any step of
  /// the demos (many-requests' busiest has 3,001 events), a bounded cost
  /// for a step of millions.
  public static let briefHead = 10_000
  /// Short forms made at the end of a step (a poll's result comes last).
  public static let briefTail = 8

  /// The notes of consecutive steps (their event ranges ascending and
  /// adjacent), at most `limit` full notes per step, in the same order: the
  /// same notes as the transcript and the JSON trace, narrated from the
  /// reducer's state before each event, which the history reaches at once.
  /// `state`: the state before the first step's events (from the view's
  /// history, which reaches it at once), left after the last step's: one
  /// walk serves the notes and the state shown.
  public static func notes(
    of steps: some Collection<(step: UInt32, events: Range<Int>)>, in trace: Trace,
    walking state: inout TraceState, limit: Int
  ) -> [StepNarration] {
    guard let first = steps.first else { return [] }
    var i = min(first.events.lowerBound, trace.events.count)
    assert(state.applied <= i, "the walk starts before the first step's events")
    TraceReducer.apply(trace.events, upTo: i, to: &state)
    var result: [StepNarration] = []
    for (step, range) in steps {
      var entry = StepNarration(step: step, notes: [], omitted: 0)
      let end = min(range.upperBound, trace.events.count)
      let head = range.lowerBound + briefHead
      let tail = max(head, end - briefTail)
      while i < end {
        if entry.notes.count < limit { entry.notes.append(state.note(forEvent: i, in: trace)) }
        if i < head || i >= tail {
          let brief = state.briefNote(forEvent: i, in: trace)
          if !brief.isEmpty {
            entry.briefs.append(Brief(kind: trace.events.payload(at: i).kindName, text: brief))
          }
        } else if i == head {
          // A step of 3,000 events makes 48 short forms, not 3,000.
          entry.gapAt = entry.briefs.count
          entry.gapEvents = tail - head
        }
        // Inside the gap with every full note made, nothing is said until
        // the tail: the state gets there in one pass.
        i = i >= head && i < tail && entry.notes.count >= limit ? tail : i + 1
        TraceReducer.apply(trace.events, upTo: i, to: &state)
      }
      entry.omitted = max(0, range.count - entry.notes.count)
      result.append(entry)
    }
    return result
  }
}
