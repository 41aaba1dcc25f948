import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

/// One task that returns Pending once per `awaits`, after an `io_send` of
/// `db.recv` (a resource whose op is named like a channel's).
private func pendingPolls(_ awaits: (inout TraceRecorder) -> [Awaited]) -> Trace {
  var r = TraceRecorder(program: ProgramInfo(name: "t", source: "", backend: .sim))
  let main = r.addTask(name: "main", parent: nil)
  r.record(.spawn(task: main, parent: nil), at: 0)
  r.record(.schedule(task: main, cause: .spawn, position: 0), at: 0)
  r.record(.ioSend(task: main, fd: 5, resource: r.intern("db"), op: r.intern("recv")), at: 0)
  for awaited in awaits(&r) {
    r.step += 1
    r.record(.pollStart(task: main), at: 0)
    r.record(.pollEnd(task: main, result: .pending, line: 0, awaiting: awaited), at: 0)
  }
  var trace = r.trace
  trace.end = RunEnd(reason: .stuck, steps: r.step, tUs: 0, stuckTasks: [main])
  return trace
}

private func awaits(of trace: Trace) -> [Awaited] {
  trace.events.compactMap { e in
    if case .pollEnd(_, _, _, let awaited) = e.payload { return awaited }
    return nil
  }
}

@Test func everyAwaitIsWrittenAsItsLabelAndReadBackIntoItsCase() throws {
  let trace = pendingPolls { r in
    [
      .nothing, .resourceCall(resource: r.intern("db"), op: r.intern("recv")), .joinHandle(TaskID(12)),
      .channelSend(channel: r.intern("jobs")), .channelRecv(channel: r.intern("jobs")), .sleep, .yieldNow,
      .join, .select, .timeout, .lostWaker, .selfWake, .other(r.intern("a hand-written wait")),
    ]
  }
  let bytes = TraceJSONWriter.encode(trace)
  let json = String(decoding: bytes, as: UTF8.self)
  for label in [
    "null", "\"db.recv\"", "\"join #12\"", "\"jobs.send\"", "\"jobs.recv\"", "\"sleep\"", "\"yield_now\"",
    "\"join\"", "\"select\"", "\"timeout\"", "\"lost_waker\"", "\"self_wake\"", "\"a hand-written wait\"",
  ] {
    #expect(json.contains("\"awaiting\":\(label)"), "\(label)")
  }
  let read = try TraceJSONReader.decode(bytes, name: "t.json")
  #expect(read == trace.withCanonicalStrings())
  let cases = awaits(of: read)
  #expect(cases.map { $0.label(in: read) } == awaits(of: trace).map { $0.label(in: trace) })
  // The resource's op "recv" reads as the resource call its io_send made, not as a channel.
  if case .resourceCall = cases[1] {} else { Issue.record("db.recv read as \(cases[1])") }
  #expect(cases[2] == .joinHandle(TaskID(12)))
  if case .channelRecv = cases[4] {} else { Issue.record("jobs.recv read as \(cases[4])") }
  #expect(Array(cases[5...11]) == [.sleep, .yieldNow, .join, .select, .timeout, .lostWaker, .selfWake])
}

@Test func textThatNamesNoAwaitIsKeptAsItWasRead() throws {
  // "join #007" is not how a handle's label is written, "svc.call" had no io_send.
  let trace = pendingPolls { r in [.other(r.intern("join #007")), .other(r.intern("svc.call"))] }
  let bytes = TraceJSONWriter.encode(trace)
  let read = try TraceJSONReader.decode(bytes, name: "t.json")
  #expect(TraceJSONWriter.encode(read) == bytes)
  for awaited in awaits(of: read) {
    if case .other = awaited {} else { Issue.record("read as \(awaited)") }
  }
}
