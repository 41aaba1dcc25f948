/// One recorded scheduling decision. Its `seq` is its index in `Trace.events`.
public struct TraceEvent: Sendable, Equatable {
  /// The user step the event belongs to: 0 is setup, then one per scheduling action.
  public var step: UInt32
  /// Virtual (sim) or elapsed real (epoll) microseconds since the run began; never decreases.
  public var tUs: Int64
  /// The kind and its fields.
  public var payload: EventPayload

  /// Makes an event.
  @inlinable
  public init(step: UInt32, tUs: Int64, payload: EventPayload) {
    self.step = step
    self.tUs = tUs
    self.payload = payload
  }
}
