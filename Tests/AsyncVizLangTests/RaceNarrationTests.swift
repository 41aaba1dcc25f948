import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// What the node, go and threads narrations say about a select's or a
// timeout's losers, and which promise reaction a node job is. Each
// expectation is derived from the model's own run of a demo (which the node
// and Go oracles check against real Node 20 and Go 1.19): a loser is found
// from the events, independently of the reducer's RaceState, and the note of
// that very event must say so.

/// The helper units main started for its selects and timeouts that ended
/// after main had run again since it began to wait on them: the losers that
/// ran to their end. `waits(payload)` says whether main began to wait on a
/// race with that event; `runs(payload)` whether main ran.
private func lateHelpers(
  _ trace: Trace, waits: (EventPayload) -> Bool, runs: (EventPayload) -> Bool
) -> Set<TaskID> {
  let main = TaskID(1)
  var started: [TaskID] = []
  var racing: Set<TaskID> = []
  var decided: Set<TaskID> = []
  var late: Set<TaskID> = []
  for event in trace.events {
    let payload = event.payload
    if case .spawn(let task, main?) = payload { started.append(task) }
    if waits(payload) {
      racing.formUnion(started)
      started = []
    } else if runs(payload) {
      decided.formUnion(racing)
      racing = []
    }
    if case .complete(let task) = payload, decided.contains(task) { late.insert(task) }
  }
  return late
}

/// The tasks whose `complete` note says the race was decided.
private func narratedLosers(_ trace: Trace) -> Set<TaskID> {
  let notes = trace.notes()
  var tasks: Set<TaskID> = []
  for (event, note) in zip(trace.events, notes) {
    if case .complete(let task) = event.payload, note.contains("was decided") { tasks.insert(task) }
  }
  return tasks
}

@Test func nodeNamesTheRaceLoserThatSettlesAfterTheRaceWasDecided() throws {
  let trace = DemoTraces.nodeTrace(named: "select-timeout")
  let notes = trace.notes()
  // Three races of two contenders each; Promise.race cancels nothing, so
  // all six settle: one decides each race, the three others come late.
  let races = trace.events.filter {
    if case .callPop(_, _, let awaiting) = $0.payload {
      awaiting == .select || awaiting == .timeout
    } else {
      false
    }
  }
  let queued = trace.events.compactMap { e -> MicrotaskJob? in
    if case .microtaskQueue(_, let job) = e.payload { job } else { nil }
  }
  #expect(races.count == 3)
  #expect(queued.filter { $0 == .race }.count == races.count)
  #expect(queued.filter { $0 == .raceLate }.count == 2 * races.count - races.count)
  for (event, note) in zip(trace.events, notes) {
    guard case .microtaskRun(_, .raceLate) = event.payload else { continue }
    #expect(note.contains("after the race was already decided. Promise.race cancels nothing"), "\(note)")
  }
}

@Test func nodeSaysWhichReactionEachJobIs() throws {
  let trace = DemoTraces.nodeTrace(named: "db-then-service")
  let notes = trace.notes()
  // Every resource call is awaited directly there: one reply job each.
  let calls = trace.events.filter {
    if case .callPop(_, _, .resourceCall) = $0.payload { true } else { false }
  }
  let replies = trace.events.indices.filter {
    if case .microtaskRun(_, .reply) = trace.events[$0].payload { true } else { false }
  }
  #expect(!calls.isEmpty && replies.count == calls.count)
  for i in replies { #expect(notes[i].contains("the resource call's `return reply`"), "\(notes[i])") }
  // main's end is the harness's then, said as such, once.
  let ends = trace.events.indices.filter {
    if case .microtaskRun(TaskID(1), .mainEnd) = trace.events[$0].payload { true } else { false }
  }
  #expect(ends.count == 1)
  #expect(ends.allSatisfy { notes[$0].contains("the harness's main().then(...) for #1 main") })
  #expect(ends.allSatisfy { notes[$0].hasSuffix("which marks main's end.") })
  // No job is left with the old catch-all wording.
  for name in ["select-timeout", "join-concurrent", "self-wake", "db-then-service"] {
    for note in DemoTraces.nodeTrace(named: name).notes() {
      #expect(!note.contains("Promise.race or a then"), "\(note)")
    }
  }
}

@Test func goNarratesTheSelectLoserThatRunsToItsEnd() throws {
  let sched = try demoProgram("select-timeout").makeGoScheduler(options: RuntimeOptions())
  _ = sched.run()
  let trace = sched.trace
  let late = lateHelpers(
    trace,
    waits: { if case .goPark(TaskID(1), _, .select) = $0 { true } else { false } },
    runs: { if case .goExecute(TaskID(1), _, _) = $0 { true } else { false } })
  // The first select's slow fetch: it ends at 80 ms, after main went on at 50 ms.
  #expect(late.count == 1)
  #expect(narratedLosers(trace) == late)
  let notes = trace.notes()
  for (event, note) in zip(trace.events, notes) {
    guard case .complete(let task) = event.payload, late.contains(task) else { continue }
    #expect(note.contains("nothing cancels a goroutine"), "\(note)")
  }
}

@Test func threadsNarrateTheHelperThreadThatLost() throws {
  let kernel = try demoProgram("select-timeout").makeKernel(options: RuntimeOptions(), cpus: 2)
  _ = kernel.run()
  let trace = kernel.trace
  let late = lateHelpers(
    trace,
    waits: {
      if case .threadStop(TaskID(1), _, _, let awaiting) = $0 {
        awaiting == .select || awaiting == .timeout
      } else {
        false
      }
    },
    runs: { if case .threadRun(TaskID(1), _) = $0 { true } else { false } })
  #expect(late.count == 1)
  #expect(narratedLosers(trace) == late)
}

@Test func theThreadsCostsLineGivesTheMeasuredBytesPerTask() throws {
  let kernel = try demoProgram("many-requests").makeKernel(options: RuntimeOptions(), cpus: 2)
  _ = kernel.run()
  let transcript = Transcript.render(kernel.trace)
  let line = try #require(transcript.split(separator: "\n").first { $0.contains("per waiting task") })
  // The figure is the rust model's measured one, the same `compare` charges.
  let figure = line.split(separator: " ").reversed().first { Int64($0) != nil }.flatMap { Int64($0) }
  #expect(figure == ModelFacts.rustBytesPerTask, "\(line)")
}

@Test func goSaysATimeAfterOfADecidedSelectReadiesNobody() throws {
  let sched = try demoProgram("select-timeout").makeGoScheduler(options: RuntimeOptions())
  _ = sched.run()
  let trace = sched.trace
  let notes = trace.notes()
  var fired = (readied: 0, idle: 0)
  for i in trace.events.indices {
    guard case .timerFire(let task) = trace.events[i].payload else { continue }
    // What the run did next: a fired timer that readies its goroutine puts it in runnext.
    let next = i + 1 < trace.events.count ? trace.events[i + 1].payload : nil
    let readied = { if case .goRunqPut(task, _, _)? = next { true } else { false } }()
    if readied { fired.readied += 1 } else { fired.idle += 1 }
    #expect(notes[i].contains("nobody is readied") == !readied, "\(notes[i])")
  }
  // The second timeout's time.After fires at 80 ms, after the fast fetch won at 70 ms.
  #expect(fired.idle == 1 && fired.readied > 0)
}

@Test func nodeSaysWhichCheckPhaseAnImmediateWaitsFor() throws {
  let trace = DemoTraces.nodeTrace(named: "self-wake")
  let notes = trace.notes()
  var phase: LoopPhase?
  var inCheck = 0
  for (event, note) in zip(trace.events, notes) {
    if case .phase(let p) = event.payload { phase = p }
    guard case .immediateQueue = event.payload else { continue }
    // processImmediate runs only the queue it started with.
    #expect(note.contains("during the check phase") == (phase == .check), "\(note)")
    if phase == .check { inCheck += 1 }
  }
  #expect(inCheck > 0)
}

/// The tasks main spawned in a step where it then waits on a combinator
/// (found from the events: a go `select` park, a threads futex wait on
/// join/select/timeout), with the note of each spawn.
private func combinatorSpawns(_ trace: Trace, waits: (EventPayload) -> Bool) -> [(task: TaskID, note: String)]
{
  let notes = trace.notes()
  var out: [(TaskID, String)] = []
  var pending: [(TaskID, String, UInt32)] = []
  for (event, note) in zip(trace.events, notes) {
    if case .spawn(let task, TaskID(1)?) = event.payload { pending.append((task, note, event.step)) }
    if waits(event.payload) {
      out += pending.filter { $0.2 == event.step }.map { ($0.0, $0.1) }
      pending = []
    }
  }
  return out
}

@Test func aHelperForACombinatorIsNotCalledASpawn() throws {
  let sched = try demoProgram("select-timeout").makeGoScheduler(options: RuntimeOptions())
  _ = sched.run()
  let go = combinatorSpawns(sched.trace) {
    if case .goPark(TaskID(1), _, .select) = $0 { true } else { false }
  }
  let kernel = try demoProgram("join-concurrent").makeKernel(options: RuntimeOptions(), cpus: 2)
  _ = kernel.run()
  let threads = combinatorSpawns(kernel.trace) {
    if case .threadStop(TaskID(1), _, _, .join) = $0 { true } else { false }
  }
  #expect(go.count == 4 && threads.count == 2)
  for (_, note) in go + threads { #expect(note.contains("polls its futures inside the task"), "\(note)") }
  // A goroutine the program spawns itself is tokio::spawn's counterpart.
  let spawned = try demoProgram("spawn-vs-await").makeGoScheduler(options: RuntimeOptions())
  _ = spawned.run()
  let spawnNotes = zip(spawned.trace.events, spawned.trace.notes()).filter {
    if case .spawn(_, .some) = $0.0.payload { true } else { false }
  }
  #expect(!spawnNotes.isEmpty && spawnNotes.allSatisfy { $0.1.contains("tokio::spawn") })
}
