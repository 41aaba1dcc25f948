import AsyncVizTrace

/// The state at any step of a trace, reached at once: a snapshot of the
/// reducer's state is kept every `interval` events, so reaching any step
/// costs one snapshot copy and at most `interval` applies, whatever the
/// trace's length. A live trace grows through `sync(with:)`.
///
/// Holds its own copy of the events, appended to, never shared with the
/// producer's growing array (sharing would make every append of a live run
/// copy the whole array).
public struct TraceHistory: Sendable {
  /// The trace as far as it is known: program, tasks, strings, events, end.
  public private(set) var trace: Trace
  /// Events between two snapshots (> 0).
  public let interval: Int
  /// `snapshots[i]` is the state after `events[0..<i * interval]`.
  private var snapshots: [TraceState]
  /// The state after every event, extended as events arrive.
  private var tip: TraceState

  /// A history of `trace`, built with one pass over its events.
  public init(trace: Trace, interval: Int = 4096) {
    self.interval = max(1, interval)
    self.trace = Trace(program: trace.program)
    self.snapshots = [TraceState()]
    self.tip = TraceState()
    sync(with: trace)
  }

  /// The last step recorded so far.
  public var lastStep: UInt32 { trace.events.last?.step ?? 0 }

  /// Whether the run has ended (the trace has its `end`).
  public var isComplete: Bool { trace.end != nil }

  /// Brings the history up to date with `source`, a later version of the same
  /// trace: copies what was added since the last sync and extends the snapshots.
  public mutating func sync(with source: Trace) {
    trace.catchUp(with: source)
    extendSnapshots()
  }

  /// The index one past the last event of `step` (events are ordered by step).
  public func eventEnd(ofStep step: UInt32) -> Int {
    var lo = 0
    var hi = trace.events.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if trace.events[mid].step <= step { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// The events of `step`.
  public func events(ofStep step: UInt32) -> Range<Int> {
    let end = eventEnd(ofStep: step)
    let start = step == 0 ? 0 : eventEnd(ofStep: step - 1)
    return start..<end
  }

  /// The state after step `step` (clamped to the last step); at the last step
  /// of an ended run it is finished, so stuck tasks show as stuck.
  public func state(atStep step: UInt32) -> TraceState {
    let k = min(step, lastStep)
    var state = state(afterEvents: eventEnd(ofStep: k))
    if k == lastStep, let runEnd = trace.end { state.finish(runEnd) }
    return state
  }

  /// The state after `trace.events[0..<n]`, not finished even at the end: the
  /// state the narration explains event `n` from.
  public func state(afterEvents n: Int) -> TraceState {
    let end = min(max(n, 0), trace.events.count)
    if end == tip.applied { return tip }
    var state = snapshots[min(end / interval, snapshots.count - 1)]
    TraceReducer.apply(trace.events, upTo: end, to: &state)
    return state
  }

  private mutating func extendSnapshots() {
    let events = trace.events
    while tip.applied < events.count {
      let boundary = (tip.applied / interval + 1) * interval
      TraceReducer.apply(events, upTo: min(boundary, events.count), to: &tip)
      if tip.applied == boundary { snapshots.append(tip) }
    }
  }
}
