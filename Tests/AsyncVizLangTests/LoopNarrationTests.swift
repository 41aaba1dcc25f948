import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// What the node, go and threads notes say about the loop's timers and
// immediates, an idle P's thread and a stuck run's end. Each expectation is
// derived from the model's own run of a demo, independently of the reducer
// state the note reads, and the note of that very event must say it.

/// Each node setTimeout's purpose as the run itself shows it, independently
/// of the word the trace carries: the timer that fires at its deadline, then
/// the job its promise's reaction queues for the task in that same step (a
/// resource call's `return reply`, timeout's `expire`, anything else a
/// sleep). Keyed by the index of the `timer_set` and of its `timer_fire`.
private func purposesFromTheRun(_ trace: Trace) -> TimerPurposes {
  var armed: [(index: Int, task: TaskID, deadline: Int64)] = []
  var fired: (set: Int, fire: Int, task: TaskID, step: UInt32)?
  var out: TimerPurposes = ([:], [:])
  for (i, event) in trace.events.enumerated() {
    switch event.payload {
    case .timerSet(let task, let deadline, _):
      armed.append((i, task, deadline))
    case .timerFire(let task):
      // The timers phase runs the task's earliest timer due now (arming order on a tie).
      let due = armed.filter { $0.task == task && $0.deadline <= event.tUs }
      let first = due.min { $0.deadline < $1.deadline || ($0.deadline == $1.deadline && $0.index < $1.index) }
      if let first {
        armed.removeAll { $0.index == first.index }
        fired = (first.index, i, task, event.step)
      }
    case .microtaskQueue(let task, let job):
      guard let f = fired, f.task == task, f.step == event.step else { continue }
      let purpose: TimerPurpose = job == .reply ? .latency : job == .expire ? .timeout : .sleep
      out.set[f.set] = purpose
      out.fire[f.fire] = purpose
      fired = nil
    default:
      break
    }
  }
  return out
}

@Test func nodeSaysWhichFutureEachSetTimeoutIsFor() {
  expectTimerNotesNameTheirPurpose(
    trace: DemoTraces.nodeTrace(named:), derive: purposesFromTheRun, everyTimerFires: true,
    vague: "a sleep, timeout's timer, or a resource call",
    armed: { purpose, _ in
      switch purpose {
      case .sleep: "calls setTimeout for its sleep:"
      case .timeout: "calls setTimeout for its timeout's timer"
      case .latency: "makes a resource call, whose async fn calls setTimeout to wait out the server's latency"
      }
    },
    // The timers phase's note names the same future when the callback runs.
    fired: { purpose in
      switch purpose {
      case .sleep: "'s sleep, which fulfills"
      case .timeout: "'s timeout, which fulfills"
      case .latency: "'s resource call: the server's latency is over"
      }
    })
}

@Test func nodeSaysWhatKeptARaceLoserAlive() throws {
  let trace = DemoTraces.nodeTrace(named: "select-timeout")
  let notes = trace.notes()
  let fired = purposesFromTheRun(trace).fire
  var last: TimerPurpose?
  var losers = 0
  for (i, event) in trace.events.enumerated() {
    if case .timerFire = event.payload { last = fired[i] }
    guard case .microtaskRun(_, .raceLate) = event.payload, let last else { continue }
    losers += 1
    let says =
      switch last {
      case .sleep: "(its sleep's timer kept the loop alive"
      case .timeout: "(timeout's timer kept the loop alive"
      case .latency: "(its resource call's timer, the server's latency on sim, kept the loop alive"
      }
    #expect(notes[i].contains(says), "\(notes[i])")
  }
  #expect(losers == 3)
}

@Test func nodeSaysWhenAnImmediateRunsInALaterTurn() throws {
  let trace = DemoTraces.nodeTrace(named: "self-wake")
  let notes = trace.notes()
  // Each immediate, front first: whether it was queued during a check phase
  // and no phase began before it ran (processImmediate runs only the queue
  // it started with, so that run begins a later turn's check phase).
  var phase: LoopPhase?
  var queued: [Bool] = []
  var later = 0
  for (i, event) in trace.events.enumerated() {
    switch event.payload {
    case .phase(let p):
      phase = p
      queued = queued.map { _ in false }
    case .immediateQueue:
      queued.append(phase == .check)
    case .immediateRun:
      let fromCheck = !queued.isEmpty && queued.removeFirst()
      if fromCheck { later += 1 }
      #expect(notes[i].contains("in the next loop turn") == fromCheck, "\(notes[i])")
    default:
      break
    }
  }
  // self_wake(5): the first round's immediate runs in the first check phase, the four others a turn each.
  #expect(later == 4)
}

@Test func anIdlePsNoteSaysWhereItsThreadWaits() throws {
  for (name, procs) in [("lost-waker", 1), ("timers", 1), ("timers", 2), ("blocking-the-executor", 2)] {
    let trace = DemoTraces.goTrace(named: name, procs: procs)
    let notes = trace.notes()
    var armed = 0
    var running: [TaskID: Int32] = [:]
    var inSyscall: Set<Int32> = []
    for (i, event) in trace.events.enumerated() {
      switch event.payload {
      case .timerSet: armed += 1
      case .timerFire: armed -= 1
      case .goExecute(let task, let p, _):
        running[task] = p
      case .goSyscall(let task, _, _):
        if let p = running[task] { inSyscall.insert(p) }
      case .goSyscallExit(_, _, let p): inSyscall.remove(p)
      case .goHandoff(let p, _): inSyscall.remove(p)
      case .goIdle(let p):
        let note = notes[i]
        if event.step == 0 {
          #expect(note.contains("starts idle, with no M"), "\(note)")
        } else if inSyscall.contains(p) {
          inSyscall.remove(p)
          #expect(note.contains("handoffp puts it on the idle list"), "\(note)")
        } else if armed == 0 {
          #expect(
            note.hasSuffix("sleeps in a futex (stopm): no timer and no socket is left to wait for."),
            "\(note)")
        } else {
          #expect(note.contains("until the next timer"), "\(note)")
          #expect(note.contains("any other in a futex (stopm)") == (procs > 1), "\(note)")
        }
      default:
        break
      }
    }
  }
}

@Test func aStuckRunsEndSaysWhatTheRealProgramDoes() throws {
  let node = Transcript.render(DemoTraces.nodeTrace(named: "lost-waker"))
  #expect(node.contains("node exits here, silently, with the rest of main never run."))
  let kernel = try demoProgram("lost-waker").makeKernel(options: RuntimeOptions(), cpus: 2)
  _ = kernel.run()
  let threads = Transcript.render(kernel.trace)
  #expect(threads.contains("the real process hangs here, with no error"))
  #expect(
    threads.contains("#1 main: blocked at line 17 in pthread_join on #2 forgetful, which is stuck too."))
  #expect(
    threads.contains("#2 forgetful: blocked at line 11 on lost_waker: no other thread will ever wake it."))
  let go = Transcript.render(DemoTraces.goTrace(named: "select-timeout"))
  #expect(go.contains("goroutines alive when the process exited (never finished): #5 timeout[0]"))
  #expect(go.contains("main returned, so the process exited: 1 goroutine still alive ended with it."))
}
