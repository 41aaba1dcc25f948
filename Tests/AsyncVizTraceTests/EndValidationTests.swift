import Foundation
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

/// A workload's trace file as text.
private func text(_ workload: String) -> String {
  String(decoding: TraceJSONWriter.encode(Workloads.trace(workload)), as: UTF8.self)
}

/// The message for `file` with its `"end"` value replaced (or, with `events`, its events too).
private func message(_ file: String, end: String? = nil, events: String? = nil) -> String {
  var file = file
  if let end, let start = file.range(of: "\n\"end\":") {
    file = String(file[..<start.upperBound]) + end + "\n}\n"
  }
  if let events, let open = file.range(of: "\"events\":["), let close = file.range(of: "\n],\n\"end\"") {
    file.replaceSubrange(open.upperBound..<close.lowerBound, with: events)
  }
  do {
    _ = try TraceJSONReader.decode(Array(file.utf8), name: "t.json")
    return "accepted"
  } catch {
    return error.description
  }
}

/// `end` values for db-then-service (8 steps, last event at t_us 65000) and
/// what the reader must say of each.
private let endsOfGood: [(end: String, says: String)] = [
  (
    #"{"reason":"completed","steps":999,"t_us":65000,"stuck":[]}"#,
    #"t.json: error: "end" says 999 steps, but the last event is in step 8"#
  ),
  (
    #"{"reason":"completed","steps":6,"t_us":65000,"stuck":[]}"#,
    #"t.json: error: "end" says 6 steps, but the last event is in step 8"#
  ),
  (
    #"{"reason":"completed","steps":8,"t_us":64999,"stuck":[]}"#,
    #"t.json: error: "end" is at t_us 64999, before the last event (t_us 65000)"#
  ),
  // The clock may move on after the last event.
  (#"{"reason":"completed","steps":8,"t_us":70000,"stuck":[]}"#, "accepted"),
  (
    #"{"reason":"completed","steps":8,"t_us":65000,"stuck":[9]}"#,
    #"t.json: error: "end" names task 9 as stuck, which is not in the task table"#
  ),
  (
    #"{"reason":"stuck","steps":8,"t_us":65000,"stuck":[]}"#,
    #"t.json: error: "end" says stuck, but every task completed"#
  ),
  (
    #"{"reason":"stuck","steps":8,"t_us":65000,"stuck":[2]}"#,
    #"t.json: error: "end" names task 2 as stuck, but it completed"#
  ),
  (
    #"{"reason":"max-steps","steps":8,"t_us":65000,"stuck":[1]}"#,
    #"t.json: error: "end" lists stuck tasks, but its reason is not "stuck" or "error""#
  ),
  (#"{"reason":"error","steps":8,"t_us":65000,"stuck":[]}"#, "accepted"),
  (
    #"{"reason":"error","steps":8,"t_us":65000,"stuck":[2]}"#,
    #"t.json: error: "end" names task 2 as stuck, but it completed"#
  ),
]

@Test func theEndMustAgreeWithTheEvents() {
  let good = text("db-then-service")
  #expect(message(good) == "accepted")
  for (end, says) in endsOfGood {
    #expect(message(good, end: end) == says, "\(end)")
  }
}

@Test func anErrorEndIsAcceptedWithOrWithoutUnfinishedTasks() throws {
  // An error end of a completed run is in `endsOfGood`.
  let good = text("db-then-service")
  let stuck = text("lost-waker")
  let tUs = Workloads.trace("lost-waker").end?.tUs ?? -1
  #expect(message(stuck, end: #"{"reason":"error","steps":2,"t_us":\#(tUs),"stuck":[1]}"#) == "accepted")
  #expect(message(stuck, end: #"{"reason":"error","steps":2,"t_us":\#(tUs),"stuck":[]}"#) == "accepted")
  // The offset is the bad word's, in the file as written (after the events and their notes).
  let bad = #"{"reason":"failed","steps":8,"t_us":65000,"stuck":[]}"#
  let end = try #require(good.range(of: "\n\"end\":"))
  let offset = good[..<end.upperBound].utf8.count + #"{"reason":"#.utf8.count
  #expect(
    message(good, end: bad).hasSuffix(
      #""reason" must be "completed", "stuck", "max-steps" or "error", found "failed" (byte offset \#(offset))"#
    ))
}

@Test func aTraceWithTasksStartsWithTheRootSpawn() {
  let good = text("db-then-service")
  #expect(
    message(good, end: #"{"reason":"completed","steps":0,"t_us":0,"stuck":[]}"#, events: "")
      == "t.json: error: the first event must be the spawn of the root task 1")
  // Dropping event 0 is caught by seq first; a spawn of another task first is caught here.
  let swapped = good.replacingOccurrences(
    of: #""kind":"spawn","task":1,"parent":null,"name":"main""#,
    with: #""kind":"poll_start","task":1"#)
  #expect(message(swapped).hasPrefix("t.json: error: the first event must be the spawn of the root task 1"))
}

@Test func aStuckEndMustListExactlyTheUnfinishedTasks() {
  let stuck = text("lost-waker")
  #expect(message(stuck) == "accepted")
  #expect(stuck.contains(#""end":{"reason":"stuck","steps":2,"#))
  let tUs = Workloads.trace("lost-waker").end?.tUs ?? -1
  #expect(
    message(stuck, end: #"{"reason":"completed","steps":2,"t_us":\#(tUs),"stuck":[]}"#)
      == #"t.json: error: "end" says completed, but task 1 has no complete or task_drop event"#)
  #expect(
    message(stuck, end: #"{"reason":"stuck","steps":2,"t_us":\#(tUs),"stuck":[2]}"#)
      == #"t.json: error: "end" says stuck, but its list leaves out task 1, which never completed"#)
  #expect(message(stuck, end: #"{"reason":"max-steps","steps":2,"t_us":\#(tUs),"stuck":[]}"#) == "accepted")
}
