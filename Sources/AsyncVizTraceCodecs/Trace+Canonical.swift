import AsyncVizTrace
import AsyncVizTraceState

extension Trace {
  /// The same trace with its string table rebuilt the way the JSON reader
  /// builds it: "", the well-known strings, then the strings events use, in
  /// order of first use (strings no event uses are dropped).
  ///
  /// The JSON file holds strings inline, not the table, so a recorded trace
  /// and its written-then-read copy are equal once both are in this form:
  /// `TraceJSONReader.decode(TraceJSONWriter.encode(t)) == t.withCanonicalStrings()`.
  public func withCanonicalStrings() -> Trace {
    var interner = StringInterner()
    var copy = self
    copy.events = EventLog(
      events.lazy.map { event in
        var e = event
        switch event.payload {
        case .pollEnd(let task, let result, let line, let awaiting):
          e.payload = .pollEnd(
            task: task, result: result, line: line,
            awaiting: canonical(awaiting, &interner))
        case .ioSend(let task, let fd, let resource, let op):
          let r = interner.intern(string(resource))
          e.payload = .ioSend(task: task, fd: fd, resource: r, op: interner.intern(string(op)))
        case .output(let task, let text):
          e.payload = .output(task: task, text: interner.intern(string(text)))
        case .lint(let task, let code, let detail):
          e.payload = .lint(task: task, code: code, detail: interner.intern(string(detail)))
        default:
          break
        }
        return e
      })
    copy.strings = interner.strings
    return copy
  }

  /// The same await with its strings interned in the order the JSON reader
  /// interns them (`TraceDecoder.awaited`).
  private func canonical(_ awaited: Awaited, _ interner: inout StringInterner) -> Awaited {
    switch awaited {
    case .resourceCall(let resource, let op):
      let r = interner.intern(string(resource))
      return .resourceCall(resource: r, op: interner.intern(string(op)))
    case .channelSend(let channel): return .channelSend(channel: interner.intern(string(channel)))
    case .channelRecv(let channel): return .channelRecv(channel: interner.intern(string(channel)))
    case .other(let text): return text == .empty ? .nothing : .other(interner.intern(string(text)))
    case .nothing, .joinHandle, .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake:
      return awaited
    }
  }
}
