import AsyncVizTrace

/// Gives the notes of any step at once (the same notes as the transcript and
/// the JSON trace): the narrator's state is kept every
/// `interval` events, as `TraceHistory` keeps the reducer's, so a note never
/// needs a replay from the start of a long trace.
public struct NarrationCache: Sendable {
  /// Events between two kept narrator states.
  public let interval: Int
  /// `snapshots[i]` has applied `events[0..<i * interval]`.
  private var snapshots: [NarrationContext] = [NarrationContext()]
  /// The narrator after every event seen so far.
  private var tip = NarrationContext()
  /// Events the tip has applied.
  private var tipApplied = 0

  /// An empty cache.
  public init(interval: Int = 4096) { self.interval = max(1, interval) }

  /// Applies the events of `trace` not seen yet, keeping snapshots.
  public mutating func extend(with trace: Trace) {
    while tipApplied < trace.events.count {
      tip.apply(trace.events[tipApplied], in: trace)
      tipApplied += 1
      if tipApplied % interval == 0 { snapshots.append(tip) }
    }
  }

  /// The notes of consecutive steps (their event ranges in ascending order,
  /// adjacent), at most `limit` per step; returned in the same order.
  public func notes(
    for steps: [(step: UInt32, events: Range<Int>)], in trace: Trace, limit: Int
  ) -> [StepNarration] {
    guard let first = steps.first else { return [] }
    let start = min(first.events.lowerBound, trace.events.count)
    let s = min(start / interval, snapshots.count - 1)
    var narrator = snapshots[s]
    var i = s * interval
    while i < start {
      narrator.apply(trace.events[i], in: trace)
      i += 1
    }
    var result: [StepNarration] = []
    for (step, range) in steps {
      var notes: [String] = []
      let end = min(range.upperBound, trace.events.count)
      while i < end {
        let event = trace.events[i]
        if notes.count < limit { notes.append(narrator.note(for: event, in: trace)) }
        narrator.apply(event, in: trace)
        i += 1
      }
      result.append(StepNarration(step: step, notes: notes, omitted: max(0, range.count - notes.count)))
    }
    return result
  }
}
