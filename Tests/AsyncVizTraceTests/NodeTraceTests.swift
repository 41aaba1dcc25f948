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
  #expect(state.node.timers.map(\.task) == [callee] && state.node.timers.first?.deadlineUs == 5_000)
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
