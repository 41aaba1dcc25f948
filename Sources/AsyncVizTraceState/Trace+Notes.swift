import AsyncVizTrace

extension Trace {
  /// The note of every event, in order (one pass of the reducer).
  public func notes() -> [String] {
    var state = TraceState()
    var result: [String] = []
    result.reserveCapacity(events.count)
    for (i, event) in events.enumerated() {
      result.append(state.note(forEvent: i, event, in: self))
      TraceReducer.applyNext(event, in: events, to: &state)
    }
    return result
  }
}
