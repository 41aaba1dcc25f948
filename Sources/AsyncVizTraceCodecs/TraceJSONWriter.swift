import AsyncVizTrace
import AsyncVizTraceState

/// Writes a trace in the asyncviz JSON format (docs/trace-format.md).
///
/// Streaming and byte-level: the bytes are appended to one buffer that is
/// flushed to the file every megabyte, so memory stays flat whatever the
/// trace's size, and no JSON tree or `Encodable` machinery is involved. The
/// layout is fixed: keys in a stable order, one task and one event per line,
/// so that two traces diff cleanly line by line. Each event's `note` is
/// derived while writing, from the reducer's state before each event.
public enum TraceJSONWriter: TraceDocumentFormat {
  /// The value of the `format` key.
  public static let formatName = "asyncviz-trace"
  /// How every trace this writer makes begins: the CLI knows a file it may
  /// replace without `--force` by it.
  public static let opening: StaticString = #"{"format":"asyncviz-trace""#
  package static let bytesPerEvent = 200

  /// Writes the layout docs/trace-format.md describes, calling `flush` between lines.
  package static func encode<E: Error>(
    _ trace: Trace, into out: inout JSONBytes, flush: (inout JSONBytes) throws(E) -> Void
  ) throws(E) {
    out.raw(opening)
    out.raw(",\"version\":")
    out.int(Int64(Trace.version))
    out.raw(",\n\"program\":{\"name\":")
    out.quoted(trace.program.name)
    out.raw(",\"source\":")
    out.quoted(trace.program.source)
    out.raw(",\"backend\":")
    out.raw(trace.program.backend == .sim ? "\"sim\"" : "\"epoll\"")
    out.raw(",\"model\":")
    out.quoted(trace.program.model.rawValue)
    out.raw("},\n\"tasks\":[")
    for (i, task) in trace.tasks.enumerated() {
      out.raw(i == 0 ? "\n{\"id\":" : ",\n{\"id\":")
      out.int(Int64(task.id.rawValue))
      out.raw(",\"name\":")
      out.quoted(task.name)
      out.raw(",\"parent\":")
      out.int(task.parent.map { Int64($0.rawValue) })
      out.byte(UInt8(ascii: "}"))
    }
    out.raw("\n],\n\"events\":[")
    var state = TraceState()
    for (seq, event) in trace.events.enumerated() {
      out.raw(seq == 0 ? "\n{\"seq\":" : ",\n{\"seq\":")
      writeEvent(seq, event, in: trace, before: state, into: &out)
      TraceReducer.applyNext(event, in: trace.events, to: &state)
      try flush(&out)
    }
    out.raw("\n],\n\"end\":")
    writeEnd(trace.end, into: &out)
    out.raw("\n}\n")
  }

  /// `{"reason":...,"steps":...,"t_us":...,"stuck":[...]}` or `null` while the run is live.
  static func writeEnd(_ end: RunEnd?, into out: inout JSONBytes) {
    guard let end else {
      out.raw("null")
      return
    }
    out.raw("{\"reason\":\"")
    out.raw(end.reason.word)
    out.raw("\",\"steps\":")
    out.int(Int64(end.steps))
    out.raw(",\"t_us\":")
    out.int(end.tUs)
    out.raw(",\"stuck\":[")
    for (i, task) in end.stuckTasks.enumerated() {
      if i > 0 { out.byte(UInt8(ascii: ",")) }
      out.int(Int64(task.rawValue))
    }
    out.raw("]}")
  }

  /// Event `seq`'s object after `{"seq":`: seq, step, t_us, kind, task, the
  /// kind's fields, note (narrated from `state`, the state before the event).
  static func writeEvent(
    _ seq: Int, _ event: TraceEvent, in trace: Trace, before state: TraceState, into out: inout JSONBytes
  ) {
    out.int(Int64(seq))
    out.raw(",\"step\":")
    out.int(Int64(event.step))
    out.raw(",\"t_us\":")
    out.int(event.tUs)
    writeFields(of: event.payload, in: trace, into: &out)
    out.raw(",\"note\":\"")
    state.writeNote(forEvent: seq, event, in: trace, into: &out)
    out.raw("\"}")
  }
}
