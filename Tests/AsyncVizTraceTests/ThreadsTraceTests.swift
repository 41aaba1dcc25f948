import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

@Test func theKernelStateFollowsCPUsQueuesAndBlockedThreads() {
  var r = TraceRecorder(program: ProgramInfo(name: "t", source: "", backend: .sim, model: .threads))
  let main = r.addTask(name: "main", parent: nil)
  r.record(.spawn(task: main, parent: nil), at: 0)
  r.record(.threadReady(task: main, cpu: 0), at: 0)
  let worker = r.addTask(name: "worker", parent: main)
  r.record(.spawn(task: worker, parent: main), at: 0)
  r.record(.threadReady(task: worker, cpu: 1), at: 0)
  r.record(.threadRun(task: main, cpu: 0), at: 0)
  r.record(.timerSet(task: main, deadlineUs: 40_000), at: 3)
  r.record(.threadStop(task: main, cpu: 0, line: 4, awaiting: .sleep), at: 3)
  var state = TraceState()
  TraceReducer.apply(r.trace.events, upTo: r.trace.events.count, to: &state)
  #expect(state.kernel.cpus.count == 2)
  #expect(state.kernel.cpus[0].current == nil)
  #expect(state.kernel.cpus[1].runQueue == [worker])
  #expect(state.kernel.blocked.map(\.task) == [main])
  #expect(state.kernel.blockedEntry(main)?.untilUs == 40_000)
  #expect(state.kernel.blockedEntry(main)?.line == 4)
  #expect(state.kernel.contextSwitches == 1)
  #expect(state.kernel.liveThreads == 2)
  #expect(state.tasks[main.index].status == .pending)
  #expect(state.tasks[worker.index].status == .ready)
}
