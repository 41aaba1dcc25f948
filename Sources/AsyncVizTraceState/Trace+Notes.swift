import AsyncVizTrace

extension Trace {
  /// The note of every event, in order (one pass of the reducer).
  public func notes() -> [String] {
    var state = TraceState()
    var result: [String] = []
    result.reserveCapacity(events.count)
    for i in events.indices {
      result.append(state.note(forEvent: i, in: self))
      TraceReducer.apply(events, upTo: i + 1, to: &state)
    }
    return result
  }
}
