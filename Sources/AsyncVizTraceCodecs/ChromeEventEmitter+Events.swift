import AsyncVizTrace
import AsyncVizTraceState

extension ChromeEventEmitter {
  /// The Chrome events of trace event `i`.
  mutating func event(_ i: Int, state: inout TraceState, into out: inout JSONBytes) {
    let e = trace.events[i]
    if trace.program.model == .go { goEvent(i, state: state, into: &out) }
    switch e.payload {
    case .spawn(let task, let parent):
      let lane = parent.map(ChromeTraceWriter.lane) ?? ChromeTraceWriter.executorLane
      instant("spawn \(trace.label(task))", cat: "task", lane: lane, event: i, state: state, into: &out)
    case .pollStart:
      pollStart = i
    case .pollEnd(let task, let result, let line, let awaiting):
      pollSlices(
        task, result: result, line: line, awaiting: awaiting.label(in: trace), end: i, state: state,
        into: &out)
    case .complete(let task):
      instant("done", cat: "task", lane: ChromeTraceWriter.lane(task), event: i, state: state, into: &out)
    case .register(let task, let fd, let interest):
      let name = "register fd \(fd) (\(interest.name)) for \(trace.label(task))"
      instant(
        name, cat: "reactor", lane: ChromeTraceWriter.reactorLane, event: i, state: state, into: &out)
    case .deregister(let fd):
      let name = "deregister fd \(fd)"
      instant(
        name, cat: "reactor", lane: ChromeTraceWriter.reactorLane, event: i, state: state, into: &out)
    case .reactorWait(let timeout):
      reactorTurn = (i, timeout, [])
    case .reactorReady(let fd, _):
      reactorTurn?.ready.append(fd)
    case .timerSet(let task, let deadline, _):
      let name = "timer set for \(DurationText.instant(deadline))"
      instant(name, cat: "timer", lane: ChromeTraceWriter.lane(task), event: i, state: state, into: &out)
    case .timerFire(let task):
      let name = "timer fires for \(trace.label(task))"
      instant(name, cat: "timer", lane: ChromeTraceWriter.reactorLane, event: i, state: state, into: &out)
    case .timerCancel(let task, let deadline):
      let name = "timer for \(DurationText.instant(deadline)) cancelled for \(trace.label(task))"
      instant(name, cat: "timer", lane: ChromeTraceWriter.reactorLane, event: i, state: state, into: &out)
    case .wake(let task, let by, _, let from):
      flow(i, to: task, by: by, from: from, state: state, into: &out)
    case .ioSend(let task, let fd, let resource, let op):
      let name = "send \(trace.string(resource)).\(trace.string(op)) on fd \(fd)"
      instant(name, cat: "io", lane: ChromeTraceWriter.lane(task), event: i, state: state, into: &out)
    case .output(let task, let text):
      let name = "print: \(trace.string(text))"
      instant(name, cat: "output", lane: ChromeTraceWriter.lane(task), event: i, state: state, into: &out)
    case .block(let task, let dur, _):
      blockSlice(i, task: task, durUs: dur, state: state, into: &out)
    case .lint(let task, let code, let detail):
      let name = "lint \(code.name)"
      let lane = ChromeTraceWriter.lane(task)
      ChromeEventEmitter.begin("i", name: name, cat: "lint", lane: lane, at: timeline.times[i], into: &out)
      out.raw(",\"s\":\"t\"")
      args(event: i, state: state, extra: trace.string(detail), into: &out)
      out.raw("},\n")
    case .taskDrop(let task):
      let lane = ChromeTraceWriter.lane(task)
      instant("dropped", cat: "task", lane: lane, event: i, state: state, into: &out)
    case .callPush:
      callStarts.append(i)
    case .callPop(let task, let line, let awaiting):
      callSlice(task, line: line, awaiting: awaiting.label(in: trace), end: i, state: state, into: &out)
    case .phase(let phase):
      let lane = ChromeTraceWriter.executorLane
      instant("phase \(phase.name)", cat: "loop", lane: lane, event: i, state: state, into: &out)
    case .microtaskRun(let task, let job):
      let name = "microtask (\(job.name)) for \(trace.label(task))"
      let lane = ChromeTraceWriter.executorLane
      instant(name, cat: "microtask", lane: lane, event: i, state: state, into: &out)
    case .immediateRun(let task):
      let name = "setImmediate callback of \(trace.label(task))"
      let lane = ChromeTraceWriter.reactorLane
      instant(name, cat: "timer", lane: lane, event: i, state: state, into: &out)
    default:
      // Kinds without a mark of their own (schedule, waker clones and drops,
      // defer): the counters and the flow arrows show them.
      break
    }
    TraceReducer.applyNext(e, in: trace.events, to: &state)
    counters(i, state: state, into: &out)
    if let turn = reactorTurn, i + 1 == trace.events.count || trace.events.step(at: i + 1) != e.step {
      reactorSlice(turn, into: &out)
      reactorTurn = nil
    }
  }

  /// The poll as a slice on its task's lane and on the executor's lane,
  /// from its poll_start to the end of its step; its note is that of the poll_end `end`.
  private func pollSlices(
    _ task: TaskID, result: PollResult, line: Int32, awaiting: String, end: Int, state: TraceState,
    into out: inout JSONBytes
  ) {
    let start = timeline.times[pollStart]
    let dur = timeline.stepEnds[pollStart] - start
    var name = result == .ready ? "poll -> ready" : "poll -> pending"
    if result == .pending {
      var what: [String] = []
      if !awaiting.isEmpty { what.append(awaiting) }
      if line != 0 { what.append("line \(line)") }
      if !what.isEmpty { name += " (\(what.joined(separator: ", ")))" }
    }
    ChromeEventEmitter.begin(
      "X", name: name, cat: "poll", lane: ChromeTraceWriter.lane(task), at: start, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", dur, into: &out)
    args(event: pollStart, noteOf: end, state: state, into: &out)
    out.raw("},\n")
    let executor = ChromeTraceWriter.executorLane
    ChromeEventEmitter.begin(
      "X", name: "poll \(trace.label(task))", cat: "poll", lane: executor, at: start, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", dur, into: &out)
    out.raw("},\n")
  }

  /// A node frame's stay on the call stack as a slice on its task's lane,
  /// from its call_push to the call_pop `end` (frames nest: an eager call's
  /// slice lies inside its caller's on another lane).
  private mutating func callSlice(
    _ task: TaskID, line: Int32, awaiting: String, end: Int, state: TraceState, into out: inout JSONBytes
  ) {
    let push = callStarts.popLast() ?? end
    let start = timeline.times[push]
    var name = line == 0 && awaiting.isEmpty ? "on the call stack -> returns" : "on the call stack -> await"
    if !awaiting.isEmpty { name += " \(awaiting)" }
    if line != 0 { name += " (line \(line))" }
    ChromeEventEmitter.begin(
      "X", name: name, cat: "call", lane: ChromeTraceWriter.lane(task), at: start, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", max(1, timeline.times[end] - start), into: &out)
    args(event: push, noteOf: end, state: state, into: &out)
    out.raw("},\n")
  }

  /// A reactor turn as a slice on the reactor's lane, from the wait to the end of the step.
  private func reactorSlice(_ turn: (start: Int, timeout: Int64?, ready: [Int32]), into out: inout JSONBytes)
  {
    let start = timeline.times[turn.start]
    let wait = trace.program.backend == .sim ? "simulated epoll_wait" : "epoll_wait"
    let timeout = turn.timeout.map { DurationText.duration($0) } ?? "none"
    let ready =
      turn.ready.isEmpty ? "nothing ready" : "ready: " + turn.ready.map { "fd \($0)" }.joined(separator: ", ")
    let name = "\(wait) (timeout \(timeout)) -> \(ready)"
    ChromeEventEmitter.begin(
      "X", name: name, cat: "reactor", lane: ChromeTraceWriter.reactorLane, at: start, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", timeline.stepEnds[turn.start] - start, into: &out)
    out.raw(",\"args\":{\"seq\":")
    out.int(Int64(turn.start))
    out.raw(",\"t_us\":")
    out.int(trace.events.time(at: turn.start))
    out.raw("}},\n")
  }

  /// A blocking call, nested in its poll's slice.
  private func blockSlice(
    _ i: Int, task: TaskID, durUs: Int64, state: TraceState, into out: inout JSONBytes
  ) {
    let start = timeline.times[i]
    let end = min(start + Int128(durUs) * 1000, timeline.stepEnds[i] - 1)
    let name = "blocking call (\(DurationText.duration(durUs)))"
    ChromeEventEmitter.begin(
      "X", name: name, cat: "block", lane: ChromeTraceWriter.lane(task), at: start, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", max(1, end - start), into: &out)
    args(event: i, state: state, into: &out)
    out.raw("},\n")
  }

  /// The arrow of a wake: from the waker's lane (the reactor, or the waking
  /// task's poll) to a point strictly inside the woken task's next poll.
  private mutating func flow(
    _ i: Int, to task: TaskID, by: WakeSource, from: TaskID?, state: TraceState,
    into out: inout JSONBytes
  ) {
    guard let target = flowTargets[i] else { return }
    let source: Int64 =
      switch by {
      case .reactor, .timer, .deferred: ChromeTraceWriter.reactorLane
      case .task: from.map(ChromeTraceWriter.lane) ?? ChromeTraceWriter.executorLane
      case .own: ChromeTraceWriter.lane(task)
      }
    let id = nextFlow
    nextFlow += 1
    let name = "wake \(trace.label(task)) (by \(by.name))"
    ChromeEventEmitter.begin("s", name: name, cat: "wake", lane: source, at: timeline.times[i], into: &out)
    out.raw(",\"id\":")
    out.int(id)
    args(event: i, state: state, into: &out)
    out.raw("},\n")
    let lane = ChromeTraceWriter.lane(task)
    ChromeEventEmitter.begin(
      "f", name: name, cat: "wake", lane: lane, at: timeline.inside(target), into: &out)
    out.raw(",\"id\":")
    out.int(id)
    out.raw(",\"bp\":\"e\"},\n")
  }

  /// Run-queue length and pending tasks, written when they change.
  private mutating func counters(_ i: Int, state: TraceState, into out: inout JSONBytes) {
    let queue = state.runQueue.count
    if queue != lastQueue {
      lastQueue = queue
      ChromeEventEmitter.begin(
        "C", name: "run queue", cat: "executor", lane: ChromeTraceWriter.executorLane, at: timeline.times[i],
        into: &out)
      out.raw(",\"args\":{\"ready\":")
      out.int(Int64(queue))
      out.raw("}},\n")
    }
    let pending = state.pendingCount
    if pending != lastPending {
      lastPending = pending
      ChromeEventEmitter.begin(
        "C", name: "pending tasks", cat: "executor", lane: ChromeTraceWriter.executorLane,
        at: timeline.times[i], into: &out)
      out.raw(",\"args\":{\"pending\":")
      out.int(Int64(pending))
      out.raw("}},\n")
    }
  }
}
