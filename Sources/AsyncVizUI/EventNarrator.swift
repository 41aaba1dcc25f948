import AsyncVizTrace

/// Explains events in plain words, one note per event, reading the events in
/// order (a note may depend on what came before: who holds which waker).
public protocol EventNarrator: Sendable {
  /// The narrator before the first event.
  init()
  /// The note of `event`, given every event before it was applied.
  func note(for event: TraceEvent, in trace: Trace) -> String
  /// Takes `event` into account for the notes of later events.
  mutating func apply(_ event: TraceEvent, in trace: Trace)
}

/// The fallback narrator: names each event's kind and task, nothing more.
public struct EventKindNarrator: EventNarrator {
  public init() {}

  public func note(for event: TraceEvent, in trace: Trace) -> String {
    guard let task = event.payload.task else { return "\(event.payload.kindName)." }
    return "\(event.payload.kindName) \(trace.label(task))."
  }

  public mutating func apply(_ event: TraceEvent, in trace: Trace) {}
}
