import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// Every demo under every model (and go with two Ps, whose syscalls may
/// return without a P), labelled for the failure messages.
private let demoRuns: [(label: String, model: String, trace: Trace)] =
  RuntimeModel.allCases.flatMap { model in
    DemoTraces.names.map { ("\(model) \($0)", model.rawValue, DemoTraces.trace(named: $0, model: model)) }
  } + DemoTraces.names.map { ("go 2 Ps \($0)", "go", DemoTraces.goTrace(named: $0, procs: 2)) }

/// The status an event's task has after it, as `TaskTransition` states the
/// rules in words: written out here rather than through
/// `TaskTransition.next`, so a reducer that decides a status some other way,
/// or a table that stops saying what the reducer does, fails.
private func expectedStatus(
  after transition: TaskTransition, before: TaskStatus?, requeued: Bool
) -> TaskStatus? {
  switch transition {
  case .none: before
  case .queued: before?.isOver == true ? before : .ready
  case .running: .polling
  case .waiting: requeued ? .ready : .pending
  case .ended(let end): end
  }
}

/// Walking each demo's trace event by event, the status the reducer gives
/// the event's task is the one the event's `TaskTransition` says, and no
/// other task's status moves (the counts of live and pending tasks change by
/// that task's move alone). Each model's runs use every kind of transition.
@Test func theReducersStatusesAreTheSharedTransitionsForEveryDemoUnderEveryModel() {
  var used: [String: Set<String>] = [:]
  for (label, model, trace) in demoRuns {
    var state = TraceState()
    for i in trace.events.indices {
      let payload = trace.events[i].payload
      let transition = TaskTransition(of: payload)
      let id = payload.task
      let before = id.flatMap { state.task($0) }
      let (live, pending) = (state.liveCount, state.pendingCount)
      TraceReducer.apply(trace.events, upTo: i + 1, to: &state)
      guard let id, let after = state.task(id) else {
        #expect(TaskTransition.change(of: payload) == nil, "\(label) event \(i): a change without a task")
        continue
      }
      let changed = TaskTransition.change(of: payload)?.task
      #expect(changed == nil || changed == id, "\(label) event \(i): the change is its task's")
      let want = expectedStatus(after: transition, before: before?.status, requeued: after.queued)
      #expect(
        after.status == want,
        "\(label) event \(i) \(payload.kindName): \(transition) gave \(after.status), not \(want.map(\.name) ?? "")"
      )
      if case .waiting(let awaited) = transition, awaited != .nothing {
        #expect(after.awaiting == awaited, "\(label) event \(i): waits on what the event says")
      }
      let born = before == nil ? 1 : 0
      let liveMove = born + (before?.status.isOver == true ? 1 : 0) - (after.status.isOver ? 1 : 0)
      let pendingMove = (after.status == .pending ? 1 : 0) - (before?.status == .pending ? 1 : 0)
      #expect(state.liveCount - live == liveMove, "\(label) event \(i): only its task's life moves")
      #expect(state.pendingCount - pending == pendingMove, "\(label) event \(i): only its task waits")
      used[model, default: []].insert(name(of: transition))
    }
  }
  for model in RuntimeModel.allCases {
    #expect(used[model.rawValue] == ["none", "queued", "running", "waiting", "ended"], "\(model)")
  }
}

private func name(of transition: TaskTransition) -> String {
  switch transition {
  case .none: "none"
  case .queued: "queued"
  case .running: "running"
  case .waiting: "waiting"
  case .ended: "ended"
  }
}

/// The table's cases that depend on a field of the event, in each model's
/// words: what they mean for the task.
@Test func theTransitionOfAnEventReadsTheFieldsThatDecideIt() {
  let task = TaskID(2)
  let db = Awaited.joinHandle(TaskID(3))
  // rust: a poll that returned Pending waits; one that returned Ready
  // changes nothing until the task's `complete`.
  #expect(TaskTransition(of: .pollEnd(task: task, result: .pending, line: 4, awaiting: db)) == .waiting(db))
  #expect(TaskTransition(of: .pollEnd(task: task, result: .ready, line: 0, awaiting: .nothing)) == .none)
  #expect(TaskTransition(of: .complete(task: task)) == .ended(.done))
  #expect(TaskTransition(of: .taskDrop(task: task)) == .ended(.dropped))
  #expect(TaskTransition(of: .wake(task: task, by: .reactor, fd: 5, fromTask: nil)) == .none)
  // go: back from a syscall with a P it runs; without one (p -1) the
  // run-queue put that follows queues it. Parked: waiting on no `Awaited`.
  #expect(TaskTransition(of: .goSyscallExit(task: task, m: 1, p: 0)) == .running)
  #expect(TaskTransition(of: .goSyscallExit(task: task, m: 1, p: -1)) == .none)
  #expect(TaskTransition(of: .goPark(task: task, line: 7, reason: .chanReceive)) == .waiting(.nothing))
  #expect(TaskTransition(of: .goPreempt(task: task, p: 0)) == .queued)
  // threads: a stop at the end of a slice or at sched_yield leaves it
  // runnable; one on a call blocks it.
  #expect(TaskTransition(of: .threadStop(task: task, cpu: 0, line: 0, awaiting: .nothing)) == .queued)
  #expect(TaskTransition(of: .threadStop(task: task, cpu: 0, line: 9, awaiting: .yieldNow)) == .queued)
  #expect(TaskTransition(of: .threadStop(task: task, cpu: 0, line: 9, awaiting: .sleep)) == .waiting(.sleep))
  // node: popped at an await (its line) waits; popped at its return does
  // not end it (its promise does); only a resume job queues it.
  #expect(TaskTransition(of: .callPop(task: task, line: 6, awaiting: .nothing)) == .waiting(.nothing))
  #expect(TaskTransition(of: .callPop(task: task, line: 0, awaiting: .nothing)) == .none)
  #expect(TaskTransition(of: .microtaskQueue(task: task, job: .resume)) == .queued)
  #expect(TaskTransition(of: .microtaskQueue(task: task, job: .reply)) == .none)
}

/// The one status rule that reads the status before: an ended task is
/// queued by nothing, and a task woken during its run (already queued again)
/// stops ready.
@Test func anEndedTaskStaysEndedAndARequeuedOneStopsReady() {
  #expect(TaskTransition.queued.next(from: .done, requeued: false) == nil)
  #expect(TaskTransition.queued.next(from: .dropped, requeued: false) == nil)
  #expect(TaskTransition.queued.next(from: .pending, requeued: false) == .ready)
  #expect(TaskTransition.queued.next(from: .polling, requeued: false) == .ready)
  #expect(TaskTransition.waiting(.sleep).next(from: .polling, requeued: true) == .ready)
  #expect(TaskTransition.waiting(.sleep).next(from: .polling, requeued: false) == .pending)
  #expect(TaskTransition.none.next(from: .polling, requeued: true) == nil)
}
