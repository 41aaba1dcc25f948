import AsyncVizTrace
import AsyncVizTraceState

/// The pieces the writer's per-kind cases (EventPayload+JSON.swift) are
/// made of: a kind and task head, a number, a vocabulary word, where a unit
/// stopped and on what, a wake's source.
extension TraceJSONWriter {
  // The small fields of the node, threads and go kinds are written by these
  // two: one way to write a number (a line, a CPU, a P, an M) and one to
  // write a vocabulary word, instead of a helper per kind.

  /// A key and a small number (a line, a CPU, a P's or an M's index; -1 for none).
  static func number(_ keys: StaticString, _ n: Int32, _ out: inout JSONBytes) {
    out.raw(keys)
    out.int(Int64(n))
  }

  /// `keys` (ending in the opening quote), a vocabulary word, the closing quote.
  static func word(_ keys: StaticString, _ word: StaticString, _ out: inout JSONBytes) {
    out.raw(keys)
    out.raw(word)
    out.byte(UInt8(ascii: "\""))
  }

  /// `,"line":N|null,"awaiting":...`: where a unit stopped and on what (as `poll_end` writes them).
  static func writeLineAndAwaiting(
    _ line: Int32, _ awaiting: Awaited, in trace: Trace, into out: inout JSONBytes
  ) {
    out.raw(",\"line\":")
    out.int(line == 0 ? nil : Int64(line))
    out.raw(",\"awaiting\":")
    writeAwaited(awaiting, in: trace, to: &out)
  }

  /// The kind and task keys, then the task id.
  @inline(__always)
  static func head(_ keys: StaticString, _ task: TaskID, _ out: inout JSONBytes) {
    out.raw(keys)
    out.int(Int64(task.rawValue))
  }

  /// `awaiting`'s value: `Awaited.label(in:)` quoted (null for nothing),
  /// written piece by piece so that no text is built per event.
  static func writeAwaited(_ awaited: Awaited, in trace: Trace, to out: inout JSONBytes) {
    switch awaited {
    case .nothing: out.raw("null")
    case .resourceCall(let resource, let op): dotted(trace.string(resource), trace.string(op), &out)
    case .joinHandle(let task):
      out.raw("\"join #")
      out.int(Int64(task.rawValue))
      out.byte(UInt8(ascii: "\""))
    case .channelSend(let channel): dotted(trace.string(channel), "send", &out)
    case .channelRecv(let channel): dotted(trace.string(channel), "recv", &out)
    case .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake:
      out.byte(UInt8(ascii: "\""))
      if let word = awaited.word { out.raw(word) }
      out.byte(UInt8(ascii: "\""))
    case .other(let text): out.quotedOrNull(trace.string(text))
    }
  }

  /// `"NAME.OP"`.
  static func dotted(_ name: String, _ op: String, _ out: inout JSONBytes) {
    out.byte(UInt8(ascii: "\""))
    out.escaped(name)
    out.byte(UInt8(ascii: "."))
    out.escaped(op)
    out.byte(UInt8(ascii: "\""))
  }

  /// `wake`: `by`, then `fd` (reactor) or `from_task` (task).
  static func writeWake(
    _ task: TaskID, by: WakeSource, fd: Int32?, from: TaskID?, into out: inout JSONBytes
  ) {
    head(",\"kind\":\"wake\",\"task\":", task, &out)
    switch by {
    case .reactor:
      out.raw(",\"by\":\"reactor\",\"fd\":")
      out.int(fd.map { Int64($0) })
    case .timer:
      out.raw(",\"by\":\"timer\"")
    case .task:
      out.raw(",\"by\":\"task\",\"from_task\":")
      out.int(from.map { Int64($0.rawValue) })
    case .own:
      out.raw(",\"by\":\"self\"")
    case .deferred:
      out.raw(",\"by\":\"defer\"")
    }
  }
}
