/// What a Pending poll waits on, as the future that returned Pending says it
/// (innermost first, a combinator may describe itself instead).
///
/// Traces write it as one text, the `awaiting` field ("db.query", "join #2",
/// "jobs.recv", "sleep"); `label(in:)` gives that text and the JSON reader
/// reads it back into a case, so the notes and the UI never parse text.
public enum Awaited: Hashable, Sendable {
  /// Nothing named: the task is suspended where its source says (or nowhere).
  case nothing
  /// A request to a resource, waiting for its reply ("db.query").
  case resourceCall(resource: StringID, op: StringID)
  /// Another task's `JoinHandle`: waiting for that task to finish ("join #2").
  case joinHandle(TaskID)
  /// A send on a full channel ("jobs.send").
  case channelSend(channel: StringID)
  /// A receive on an empty channel ("jobs.recv").
  case channelRecv(channel: StringID)
  /// A timer ("sleep").
  case sleep
  /// `yield_now`: the waker waits in the defer list ("yield_now").
  case yieldNow
  /// `join` of several futures: it needs all of them ("join").
  case join
  /// `select` of several futures: it needs any one ("select").
  case select
  /// `timeout`: its future or its deadline ("timeout").
  case timeout
  /// The buggy future that drops its waker ("lost_waker").
  case lostWaker
  /// The future that wakes itself before returning Pending ("self_wake").
  case selfWake
  /// A text a trace file gave that names none of the above; kept as read so
  /// that writing the trace again gives the same bytes.
  case other(StringID)

  /// The text traces write for it ("" for `nothing`).
  public func label(in trace: Trace) -> String {
    switch self {
    case .nothing: ""
    case .resourceCall(let resource, let op): "\(trace.string(resource)).\(trace.string(op))"
    case .joinHandle(let task): "join #\(task.rawValue)"
    case .channelSend(let channel): "\(trace.string(channel)).send"
    case .channelRecv(let channel): "\(trace.string(channel)).recv"
    case .other(let text): trace.string(text)
    case .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake: word.map { "\($0)" } ?? ""
    }
  }

  /// The words people read for it: as `label(in:)`, except that another
  /// task's handle reads "JoinHandle #2", not "join #2", which looks like the
  /// `join(...)` builtin. The trace file keeps `label(in:)`'s text: it is a
  /// format field that readers of version 1 files parse.
  public func phrase(in trace: Trace) -> String {
    if case .joinHandle(let task) = self { return "JoinHandle #\(task.rawValue)" }
    return label(in: trace)
  }

  /// The fixed word of a case that names nothing else ("sleep"), nil for the
  /// others: the one table the label, the JSON writer and the reader use.
  public var word: StaticString? {
    switch self {
    case .sleep: "sleep"
    case .yieldNow: "yield_now"
    case .join: "join"
    case .select: "select"
    case .timeout: "timeout"
    case .lostWaker: "lost_waker"
    case .selfWake: "self_wake"
    case .nothing, .resourceCall, .joinHandle, .channelSend, .channelRecv, .other: nil
    }
  }

  /// The cases that have a fixed `word`.
  @usableFromInline package static let worded: [Awaited] = [
    .sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake,
  ]
}
