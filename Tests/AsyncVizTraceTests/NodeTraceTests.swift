import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

// Node-model traces through the codecs and the reducer.

@Test func aVersionOneTraceIsReadAsTheRustModels() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  var text = String(decoding: TraceJSONWriter.encode(DemoTraces.trace(named: "timers")), as: UTF8.self)
  text = text.replacing("\"version\":2", with: "\"version\":1").replacing(",\"model\":\"rust\"", with: "")
  let path = folder + "/v1.json"
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  let read = try TraceJSONReader.read(path: path)
  #expect(read.program.model == .rust)
  #expect(read.events.count == DemoTraces.trace(named: "timers").events.count)
}

@Test func theReducerKeepsNodesLoop() {
  var r = TraceRecorder(program: ProgramInfo(name: "t", source: "", backend: .sim, model: .node))
  let main = r.addTask(name: "main", parent: nil)
  let callee = r.addTask(name: "f", parent: main)
  r.record(.spawn(task: main, parent: nil), at: 0)
  r.step = 1
  r.record(.phase(.timers), at: 0)
  r.record(.callPush(task: main), at: 0)
  r.record(.spawn(task: callee, parent: main), at: 0)
  r.record(.callPush(task: callee), at: 0)
  r.record(.timerSet(task: callee, deadlineUs: 5_000), at: 0)
  r.record(.immediateQueue(task: main), at: 0)
  r.record(.callPop(task: callee, line: 3, awaiting: .sleep), at: 0)
  var state = TraceState()
  TraceReducer.apply(r.trace.events, upTo: r.trace.events.count, to: &state)
  #expect(state.node.callStack == [main])
  #expect(state.node.lastJobStack == [main, callee])
  #expect(state.node.phase == .timers)
  #expect(state.reactor.timers.map(\.task) == [callee] && state.reactor.timers.first?.deadlineUs == 5_000)
  #expect(state.node.immediates == [main])
  #expect(state.task(callee)?.status == .pending)
  r.record(.callPop(task: main, line: 9, awaiting: .joinHandle(callee)), at: 0)
  r.step = 2
  r.record(.phase(.check), at: 0)
  r.record(.immediateRun(task: main), at: 0)
  r.record(.microtaskQueue(task: main, job: .resume), at: 0)
  TraceReducer.apply(r.trace.events, upTo: r.trace.events.count, to: &state)
  #expect(state.node.immediates.isEmpty && state.node.callStack.isEmpty)
  #expect(state.node.microtasks.map(\.task) == [main] && state.node.microtasks.first?.job == .resume)
  #expect(state.task(main)?.status == .ready)
  let note = state.note(forEvent: r.trace.events.count - 1, in: r.trace)
  #expect(note.isEmpty == false)
}

/// `model`'s select-timeout trace, which arms a timer for each purpose,
/// written: every purpose word is in the file, which reads back as written.
/// Returned with the same file as it was before the word existed (every
/// `purpose` removed), read: its events must all still read.
func timerPurposesReadBack(
  _ model: RuntimeModel, sourceLocation: SourceLocation = #_sourceLocation
) throws -> (text: String, older: Trace) {
  let trace = DemoTraces.trace(named: "select-timeout", model: model)
  let text = String(decoding: TraceJSONWriter.encode(trace), as: UTF8.self)
  for purpose in TimerPurpose.allCases {
    #expect(text.contains(",\"purpose\":\"\(purpose.name)\",\"note\":"), sourceLocation: sourceLocation)
  }
  let read = try TraceJSONReader.decode(Array(text.utf8), name: "t.json")
  #expect(TraceJSONWriter.encode(read) == Array(text.utf8), sourceLocation: sourceLocation)
  let older = text.replacing(/,"purpose":"[a-z]+"/, with: "")
  let old = try TraceJSONReader.decode(Array(older.utf8), name: "t.json")
  #expect(old.events.count == trace.events.count, sourceLocation: sourceLocation)
  return (text, old)
}

@Test func aNodeTimersPurposeIsWrittenAndOlderTracesWithoutItStillRead() throws {
  // A node trace written before the word: every timer reads, with no purpose,
  // and its note names the possibilities instead of one.
  let (text, old) = try timerPurposesReadBack(.node)
  let notes = old.notes()
  var timers = 0
  for (event, note) in zip(old.events, notes) {
    guard case .timerSet(_, _, let purpose) = event.payload else { continue }
    timers += 1
    #expect(purpose == nil)
    #expect(note.contains("(a sleep, timeout's timer, or a resource call"), "\(note)")
  }
  #expect(timers > 0)
  // The word belongs to timer_set alone, and only its three values read.
  let fire = #""kind":"timer_fire","task":1,"#
  #expect(
    readingOutcome(text.replacing(fire, with: fire + #""purpose":"sleep","#, maxReplacements: 1)).contains(
      #""purpose" does not belong in a timer_fire event"#))
  #expect(
    readingOutcome(text.replacing(#""purpose":"sleep""#, with: #""purpose":"nap""#, maxReplacements: 1))
      .contains(#""purpose" must be one of "sleep", "timeout", "latency", found "nap""#))
}

@Test func theKeysPastTheThirtySecondAreRequiredAndCheckedForRepeats() {
  // `slot` and `reason` were the 33rd and 34th keys: a 32-bit presence mask
  // lost them, so a go_runq_put without its slot read.
  let text = String(
    decoding: TraceJSONWriter.encode(DemoTraces.trace(named: "timers", model: .go)), as: UTF8.self)
  #expect(
    readingOutcome(text.replacing(/,"slot":"[a-z]+"/, with: "", maxReplacements: 1)).contains(
      #"a go_runq_put event needs "slot""#))
  guard let reason = text.firstMatch(of: /"reason":"[a-z_]+"/) else {
    Issue.record("the go trace has no go_park")
    return
  }
  let twice = text.replacingCharacters(in: reason.range, with: "\(reason.output),\(reason.output)")
  #expect(readingOutcome(twice).contains(#"the key "reason" appears twice"#))
}
