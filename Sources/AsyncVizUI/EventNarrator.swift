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

/// The trace module's narration is what the viewer shows.
extension NarrationContext: EventNarrator {}
