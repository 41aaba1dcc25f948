import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// Finds the first step after which `predicate` holds.
private func firstStep(_ history: TraceHistory, where predicate: (TraceState) -> Bool) -> UInt32? {
  (0...history.lastStep).first { predicate(history.state(atStep: $0)) }
}

@Test func setupStepQueuesTheRootTask() {
  let history = TraceHistory(trace: NativePrograms.dbThenService())
  let s0 = history.state(atStep: 0)
  #expect(s0.tasks.map(\.status) == [.ready])
  #expect(Array(s0.runQueue.elements) == [TaskID(1)])
  #expect(s0.action == .setup)
}

@Test func rootPollSpawnsHandlersIntoTheQueueInOrder() {
  let history = TraceHistory(trace: NativePrograms.dbThenService(handlers: 3))
  let s1 = history.state(atStep: 1)
  #expect(s1.action == .poll(TaskID(1), result: .pending))
  #expect(Array(s1.runQueue.elements) == [TaskID(2), TaskID(3), TaskID(4)])
  #expect(s1.tasks.map(\.status) == [.pending, .ready, .ready, .ready])
  #expect(s1.tasks[0].line == 14)
  #expect(s1.tasks[0].awaiting == .joinHandle(TaskID(2)))
  #expect(s1.tasks[0].awaiting.label(in: history.trace) == "join #2")
  // Each handler's first poll sends a query and registers its fd for read.
  let s3 = history.state(atStep: 3)
  #expect(Array(s3.runQueue.elements) == [TaskID(4)])
  #expect(s3.reactor.interest.map(\.fd) == [5, 6])
  #expect(s3.reactor.interest.map(\.task) == [TaskID(2), TaskID(3)])
  #expect(s3.reactor.interest.allSatisfy { $0.interest == .read && $0.wakerStored })
  #expect(s3.reactor.interest.map { history.trace.string($0.resource) } == ["db", "db"])
  #expect(s3.tasks[1].status == .pending && s3.tasks[1].line == 7)
  #expect(s3.tasks[1].awaiting.label(in: history.trace) == "db.query")
}

@Test func reactorTurnReportsReadyFdsAndWakesTheirTasks() throws {
  let history = TraceHistory(trace: NativePrograms.dbThenService(handlers: 2))
  let turn = try #require(firstStep(history) { $0.action == .reactorTurn })
  let s = history.state(atStep: turn)
  let wait = try #require(s.reactor.lastWait)
  #expect(wait.timeoutUs == nil)  // no timer armed: an infinite wait
  #expect(wait.ready.map(\.fd) == [5, 6])
  #expect(s.nowUs == 40_000)
  #expect(Array(s.runQueue.elements) == [TaskID(2), TaskID(3)])
  #expect(s.tasks[1].status == .ready && s.tasks[2].status == .ready)
  // Woken: the registrations stay until the answer is read, without a waker.
  #expect(s.reactor.interest.allSatisfy { !$0.wakerStored })
  // The next poll reads the answer, closes fd 5 and sends to svc on a reused fd 5.
  let next = history.state(atStep: turn + 1)
  #expect(next.reactor.interest.map(\.fd) == [5, 6])
  #expect(next.reactor.interest.map { history.trace.string($0.resource) } == ["svc", "db"])
}

@Test func completedRunEndsWithEveryTaskDoneAndTimesAccounted() {
  let trace = NativePrograms.dbThenService(handlers: 2)
  let history = TraceHistory(trace: trace)
  let last = history.state(atStep: history.lastStep)
  #expect(last.end?.reason == .completed)
  #expect(last.tasks.allSatisfy { $0.status == .done })
  #expect(last.runQueue.isEmpty && last.reactor.interest.isEmpty && last.reactor.timers.isEmpty)
  // A handler waits 40 ms on db and 25 ms on svc: 65 ms idle; polls take no virtual time.
  let h = last.tasks[1]
  #expect(h.idleUs(at: last.nowUs) == 65_000)
  #expect(h.busyUs(at: last.nowUs) == 0)
  #expect(h.polls == 3 && h.wakes == 2 && h.wakersHeld == 0)
}

@Test func busyTimeCountsWorkInsidePolls() {
  struct Worker: Future {
    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      cx.work(3_000)
      return .ready(())
    }
  }
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("a", Worker())
  rt.spawn("b", Worker())
  rt.run()
  let last = TraceReducer.finalState(of: rt.trace)
  #expect(last.tasks.map { $0.busyUs(at: last.nowUs) } == [3_000, 3_000])
  // b waited in the run queue while a worked.
  #expect(last.tasks.map { $0.scheduledUs(at: last.nowUs) } == [0, 3_000])
}

@Test func lostWakerEndsStuckWithTheLint() {
  let trace = NativePrograms.lostWaker()
  let history = TraceHistory(trace: trace)
  let last = history.state(atStep: history.lastStep)
  #expect(last.end?.reason == .stuck)
  #expect(last.tasks.map(\.status) == [.stuck, .stuck])
  #expect(last.tasks[1].hasLint(.lostWaker))
  #expect(last.lints.map(\.code) == [.lostWaker])
  // Before the end the same tasks are merely pending.
  let before = history.state(atStep: history.lastStep - 1)
  #expect(before.tasks[1].status != .stuck)
}

@Test func aCancelledTimerLeavesTheTimerQueue() {
  let quick = ResourceSpec(name: "fast", latencyUs: 5_000)
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("guarded", Timeout(durationUs: 10_000, ResourceCall(resource: quick, op: "get", argument: "")))
  rt.run()
  let history = TraceHistory(trace: rt.trace)
  let s1 = history.state(atStep: 1)
  #expect(s1.reactor.timers.map(\.deadlineUs) == [10_000])
  #expect(s1.reactor.interest.map(\.fd) == [5])
  let last = history.state(atStep: history.lastStep)
  #expect(last.reactor.timers.isEmpty)
  #expect(last.reactor.interest.isEmpty)
  #expect(last.tasks[0].wakersHeld == 0)
}

@Test func aTimerLeavesTheQueueExactlyAtItsCancelEvenWithAJoinWakerHeld() throws {
  // main holds a join waker (on slow), the select's 20 ms timer and the
  // timeout's 100 ms timer. At 20 ms the select drops its join waker first
  // (a plain waker_drop), then the timeout cancels its 100 ms timer.
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  let slow = rt.spawn("slow", Sleep(durationUs: 50_000))
  let main = rt.spawn(
    "main", Timeout(durationUs: 100_000, SelectFirst<Void>([slow, Sleep(durationUs: 20_000)])))
  rt.run()
  let events = rt.trace.events
  let cancel = try #require(
    events.firstIndex { $0.payload == .timerCancel(task: main.task, deadlineUs: 100_000) })
  let joinDrop = try #require(events.firstIndex { $0.payload == .wakerDrop(task: main.task) })
  #expect(joinDrop < cancel)
  #expect(events[cancel + 1].payload == .wakerDrop(task: main.task))
  func timers(after n: Int) -> [Int64] {
    var state = TraceState()
    TraceReducer.apply(events, upTo: n, to: &state)
    return state.reactor.timers.filter { $0.task == main.task }.map(\.deadlineUs)
  }
  let armed = try #require(
    events.firstIndex { $0.payload == .timerSet(task: main.task, deadlineUs: 100_000) })
  for n in (armed + 1)...cancel { #expect(timers(after: n).contains(100_000), "after \(n) events") }
  #expect(timers(after: cancel + 1).isEmpty)
  var last = TraceState()
  TraceReducer.apply(events, upTo: events.count, to: &last)
  #expect(last.tasks[main.task.index].wakersHeld == 0)
}

@Test func aTimeoutDropsTheCallAndItsRegistration() {
  let slow = ResourceSpec(name: "slow", latencyUs: 50_000)
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("guarded", Timeout(durationUs: 10_000, ResourceCall(resource: slow, op: "get", argument: "")))
  rt.run()
  let last = TraceReducer.finalState(of: rt.trace)
  #expect(last.reactor.timers.isEmpty)
  #expect(last.reactor.interest.isEmpty)
  #expect(last.tasks[0].status == .done)
  #expect(last.nowUs == 10_000)
}

@Test func selfWakeRequeuesDuringThePoll() {
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("spin", SelfWake(count: 3))
  rt.run()
  let history = TraceHistory(trace: rt.trace)
  let s1 = history.state(atStep: 1)
  #expect(s1.tasks[0].status == .ready)
  #expect(Array(s1.runQueue.elements) == [TaskID(1)])
  let last = history.state(atStep: history.lastStep)
  #expect(last.tasks[0].selfWakes == 3 && last.tasks[0].hasLint(.selfWake))
}

/// The in-order walks (the writers, the transcript) apply each event with
/// `applyNext`, which reads an event's neighbours only for the kinds whose
/// effect depends on them: after every event of every demo under every
/// model it must give the state the reducer's own walk gives.
@Test(arguments: RuntimeModel.allCases)
func applyingEventByEventEqualsApplyingInOnePass(model: RuntimeModel) {
  for name in DemoTraces.names {
    let trace = DemoTraces.trace(named: name, model: model)
    var walked = TraceState()
    var applied = TraceState()
    for (i, event) in trace.events.enumerated() {
      TraceReducer.applyNext(event, in: trace.events, to: &walked)
      TraceReducer.apply(trace.events, upTo: i + 1, to: &applied)
      if walked != applied {
        Issue.record("\(name) under \(model): event \(i) (\(event.payload.kindName))")
        break
      }
    }
  }
}

/// A waker clone is the one kind read with its neighbours: the clone before a
/// `timer_set` is the timer's, not the unarmed fd's. The in-order walk must
/// see that neighbour too (the demos never tell the two apart: their timers'
/// tasks have no unarmed fd at that point).
@Test func aWalkSeesTheTimerSetAfterAWakerClone() {
  let t = TaskID(1)
  let payloads: [EventPayload] = [
    .spawn(task: t, parent: nil), .pollStart(task: t), .register(task: t, fd: 3, interest: .read),
    .wakerClone(task: t), .timerSet(task: t, deadlineUs: 1_000),
  ]
  let events = EventLog(payloads.map { TraceEvent(step: 1, tUs: 0, payload: $0) })
  var walked = TraceState()
  for event in events { TraceReducer.applyNext(event, in: events, to: &walked) }
  var applied = TraceState()
  TraceReducer.apply(events, upTo: events.count, to: &applied)
  #expect(walked == applied)
  #expect(walked.reactor.registration(fd: 3)?.wakerStored == false)
}
