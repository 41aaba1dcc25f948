import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

/// A hand-written trace of tokio's block_on shape: main (position 0, never
/// queued) spawns a worker that yields (defer) and is dropped when main returns.
private func blockOnTrace() -> Trace {
  var r = TraceRecorder(program: ProgramInfo(name: "t", source: "", backend: .sim))
  let main = r.addTask(name: "main", parent: nil)
  r.record(.spawn(task: main, parent: nil), at: 0)
  r.record(.schedule(task: main, cause: .spawn, position: 0), at: 0)
  r.step = 1
  r.record(.pollStart(task: main), at: 0)
  let worker = r.addTask(name: "worker", parent: main)
  r.record(.spawn(task: worker, parent: main), at: 0)
  r.record(.schedule(task: worker, cause: .spawn, position: 1), at: 0)
  r.record(.deferWake(task: main), at: 0)
  r.record(.pollEnd(task: main, result: .pending, line: 3, awaiting: .empty), at: 0)
  r.step = 2
  r.record(.pollStart(task: worker), at: 0)
  r.record(.deferWake(task: worker), at: 0)
  r.record(.pollEnd(task: worker, result: .pending, line: 7, awaiting: .empty), at: 0)
  r.step = 3
  r.record(.reactorWait(timeoutUs: 0), at: 0)
  r.record(.wake(task: main, by: .deferred, fd: nil, fromTask: nil), at: 0)
  r.record(.schedule(task: main, cause: .wake, position: 0), at: 0)
  r.record(.wake(task: worker, by: .deferred, fd: nil, fromTask: nil), at: 0)
  r.record(.schedule(task: worker, cause: .wake, position: 1), at: 0)
  r.step = 4
  r.record(.pollStart(task: main), at: 0)
  r.record(.pollEnd(task: main, result: .ready, line: 0, awaiting: .empty), at: 0)
  r.record(.complete(task: main), at: 0)
  r.record(.taskDrop(task: worker), at: 0)
  var trace = r.trace
  trace.end = RunEnd(reason: .completed, steps: 4, tUs: 0, stuckTasks: [])
  return trace
}

@Test func blockOnFutureIsNeverInTheRunQueue() {
  let history = TraceHistory(trace: blockOnTrace())
  #expect(history.state(atStep: 0).runQueue.isEmpty)
  #expect(history.state(atStep: 0).tasks[0].status == .ready)
  let turn = history.state(atStep: 3)
  #expect(Array(turn.runQueue.elements) == [TaskID(2)])
  #expect(turn.tasks.map(\.status) == [.ready, .ready])
  // Every deferred waker was consumed by its wake.
  #expect(turn.tasks.map(\.wakersHeld) == [0, 0])
}

@Test func aTaskAliveWhenMainReturnsIsDropped() {
  let trace = blockOnTrace()
  let last = TraceReducer.finalState(of: trace)
  #expect(last.tasks.map(\.status) == [.done, .dropped])
  #expect(last.runQueue.isEmpty)
  let text = Transcript.render(trace)
  #expect(text.contains("dropped tasks (never finished): #2 worker"))
  #expect(text.contains("block_on has returned (main is done), so the runtime drops #2 worker"))
}

@Test func deferAndDropSurviveAWriteReadRoundTrip() throws {
  let trace = blockOnTrace()
  let bytes = TraceJSONWriter.encode(trace)
  let text = String(decoding: bytes, as: UTF8.self)
  #expect(text.contains("\"kind\":\"defer\",\"task\":1"))
  #expect(text.contains("\"kind\":\"task_drop\",\"task\":2"))
  #expect(text.contains("\"by\":\"defer\""))
  let back = try TraceJSONReader.decode(bytes, name: "t.json")
  #expect(back.events.map(\.payload) == trace.events.map(\.payload))
  #expect(TraceJSONWriter.encode(back) == bytes)
}

@Test func theNarrationSaysWhyTheDriverRanWithoutBlocking() {
  let trace = blockOnTrace()
  let notes = trace.notes()
  #expect(notes[1].contains("is the future given to block_on, not a task in the run queue"))
  #expect(notes[10].contains("yield_now left 2 wakers in the defer list"))
  #expect(notes[11].contains("defer list for #1 main"))
  #expect(notes[12].contains("block_on notices the wake at the top of its next loop iteration"))
  #expect(notes[15].contains("block_on polls #1 main, its own future"))
}
