/// Something that records a run in a trace on its own clock: the stepped
/// models (virtual time) and the real threads run (the monotonic clock).
/// It states its recorder and clock; it gets from here how an event is
/// recorded and a string interned, so every recorder stamps events alike.
public protocol TraceRecording: AnyObject {
  /// The trace being recorded.
  var recorder: TraceRecorder { get set }
  /// Microseconds since the run started (virtual or real).
  var now: Int64 { get }
}

extension TraceRecording {
  /// The trace so far (complete once the run has ended).
  @inlinable
  public var trace: Trace { recorder.trace }

  /// Copies what was recorded since `trace` was last brought up to date.
  @inlinable
  public func appendNew(into trace: inout Trace) { trace.catchUp(with: recorder.trace) }

  /// Appends an event at the current time.
  @inlinable
  public func record(_ payload: EventPayload) { recorder.record(payload, at: now) }

  /// Interns a string in the trace.
  @inlinable
  public func intern(_ text: String) -> StringID { recorder.intern(text) }
}
