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
    copy.events = events.map { event in
      var e = event
      switch event.payload {
      case .pollEnd(let task, let result, let line, let awaiting):
        e.payload = .pollEnd(
          task: task, result: result, line: line,
          awaiting: awaiting == .empty ? .empty : interner.intern(string(awaiting)))
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
    }
    copy.strings = interner.strings
    return copy
  }
}
