import AsyncVizRuntime
import AsyncVizTrace

/// A trace reduced to what both backends must agree on: for each task, the
/// sequence of its events' kinds with their causes, results, source lines
/// and texts; fd numbers, times and queue positions are left out, and so are
/// the reactor's own events (their interleaving with tasks may differ). Each
/// task's sequence is normalised by `SplitTurns` (answers due together may
/// reach the epoll backend in two reactor turns).
struct LogicalEvents: Equatable, CustomStringConvertible {
  /// Per task, one line per event: "kind detail".
  let perTask: [UInt32: [String]]
  /// How the run ended.
  let end: EndReason?

  init(_ trace: Trace) {
    var entries: [UInt32: [SplitTurns.Entry]] = [:]
    for event in trace.events {
      guard let task = event.payload.task else { continue }
      var awaiting = Awaited.nothing
      if case .pollEnd(_, _, _, let a) = event.payload { awaiting = a }
      entries[task.rawValue, default: []].append(
        (event.payload, Self.describe(event.payload, in: trace), awaiting))
    }
    self.perTask = entries.mapValues(SplitTurns.normalise)
    self.end = trace.end?.reason
  }

  static func describe(_ p: EventPayload, in trace: Trace) -> String {
    let detail: String
    switch p {
    case .spawn(_, let parent): detail = parent.map { "parent \($0)" } ?? "root"
    case .schedule(_, let cause, _): detail = cause.name
    case .pollEnd(_, let result, let line, let awaiting):
      detail = "\(result.name) L\(line) \(awaiting.label(in: trace))"
    case .register(_, _, let interest): detail = interest.name
    case .wake(_, let by, let fd, let from):
      detail = "\(by.name)\(fd == nil ? "" : " fd")\(from.map { " \($0)" } ?? "")"
    case .ioSend(_, _, let r, let op): detail = "\(trace.string(r)).\(trace.string(op))"
    case .output(_, let text): detail = trace.string(text)
    case .block(_, let us, let line): detail = "\(us) L\(line)"
    case .lint(_, let code, _): detail = code.name
    case .futureMade(_, let line, let label), .futurePolled(_, let line, let label):
      detail = "\(trace.string(label)) L\(line)"
    case .phase(let phase): detail = phase.name
    case .microtaskQueue(_, let job), .microtaskRun(_, let job): detail = job.name
    case .callPop(_, let line, let awaiting): detail = "L\(line) \(awaiting.label(in: trace))"
    default:
      // The kind alone (pollStart, complete, timers, waker clones and drops,
      // the reactor's, defer, taskDrop): its fields are fds, times or queue
      // positions, which the backends need not share. A new kind is compared
      // by its kind here until a case above names the fields both must agree on.
      detail = ""
    }
    return detail.isEmpty ? p.kindName : "\(p.kindName) \(detail)"
  }

  var description: String {
    perTask.keys.sorted().map { "#\($0): " + (perTask[$0] ?? []).joined(separator: ", ") }.joined(
      separator: "\n")
  }
}
