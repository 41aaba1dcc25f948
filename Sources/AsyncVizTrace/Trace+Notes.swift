extension Trace {
  /// The note of every event, in order (one sequential pass of `NarrationContext`).
  public func notes() -> [String] {
    var context = NarrationContext()
    var result: [String] = []
    result.reserveCapacity(events.count)
    for event in events {
      result.append(context.note(for: event, in: self))
      context.apply(event, in: self)
    }
    return result
  }
}
