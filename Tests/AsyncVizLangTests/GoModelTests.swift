import AsyncVizExamples
import AsyncVizGoRuntime
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// The rules of the go model (docs/decisions.md, "The go model is Go 1.19's
// scheduler"). GoOracleTests checks the same programs' printed lines against
// real Go; these pin the scheduler's own decisions (which P, which queue,
// which thread) that real Go's output cannot show.

/// The go model's run of `text` with `procs` Ps.
private func runGo(_ text: String, procs: Int = 1) throws -> (lines: [String], end: RunEnd, trace: Trace) {
  let sched = try compile(text).makeGoScheduler(options: RuntimeOptions(), procs: procs)
  let end = sched.run()
  let trace = sched.trace
  let lines = trace.printedText
  return (lines, end, trace)
}

/// When each line was printed.
private func times(_ trace: Trace) -> [String: [Int64]] {
  var out: [String: [Int64]] = [:]
  for e in trace.events {
    if case .output(_, let id) = e.payload { out[trace.string(id), default: []].append(e.tUs) }
  }
  return out
}

@Test func theLastGoroutineStartedRunsFirstWhenTheSpawnerBlocks() throws {
  let run = try runGo(
    """
    async fn say(w) {
        print(w)
    }
    """ + MainFn.spawnsThenAwaits("say", named: "a", "b", "c"))
  // runnext holds c; a and b wait in the local queue, in order.
  #expect(run.lines == ["c", "a", "b"])
  #expect(run.trace.program.model == .go)
}

@Test func blockHandsThePOffAndTheTickerTicksOnTime() throws {
  let demo = try #require(DemoCatalog.named("blocking-the-executor"))
  let sched = try CompiledProgram.compile(demo.sourceFile).makeGoScheduler(options: RuntimeOptions())
  let end = sched.run()
  let trace = sched.trace
  #expect(end.reason == .completed)
  // The blocker blocks from 15 ms to 115 ms; every tick comes on time meanwhile.
  #expect(times(trace)["tick"] == [10_000, 20_000, 30_000, 40_000])
  #expect(times(trace)["unblocked"] == [115_000])
  let handoffs = trace.events.filter { if case .goHandoff(0, 1) = $0.payload { true } else { false } }
  #expect(handoffs.count == 1)
  let state = TraceReducer.finalState(of: trace)
  #expect(state.go.threadsMade == 1)
  #expect(state.go.handoffs == 1)
}

@Test func workIsPreemptedAfter10msAndGoesToTheGlobalQueue() throws {
  let run = try runGo(SharedSources.twoSpinners)
  // Each 30 ms of CPU is cut into 10 ms slices that alternate through the global queue.
  #expect(run.lines == ["b done", "a done"])
  let preempts = run.trace.events.filter { if case .goPreempt = $0.payload { true } else { false } }
  #expect(preempts.count >= 4)
  #expect(run.end.tUs == 60_000)
  #expect(TraceReducer.finalState(of: run.trace).go.preemptions == preempts.count)
}

@Test func twoPsRunCPUWorkSideBySide() throws {
  let source = """
    async fn spin() {
        work(8ms)
    }
    async fn main() {
        let a = spawn spin()
        let b = spawn spin()
        await a
        await b
    }
    """
  #expect(try runGo(source, procs: 1).end.tUs == 16_000)
  let two = try runGo(source, procs: 2)
  #expect(two.end.tUs == 8_000)
  // The second P found the other goroutine by stealing it (or from the queue) and ran it on a new M.
  let onP1 = two.trace.events.contains { if case .goExecute(_, 1, _) = $0.payload { true } else { false } }
  #expect(onP1)
}

@Test func aChannelSendReadiesTheReceiverIntoTheSendersRunnext() throws {
  let run = try runGo(
    """
    channel jobs capacity 1
    async fn consumer() {
        let v = await jobs.recv()
        print("got {v}")
    }
    async fn other() {
        print("other")
    }
    async fn main() {
        let c = spawn consumer()
        await sleep(1ms)
        let o = spawn other()
        await jobs.send(7)
        print("sent")
        await sleep(1ms)
        await c
        await o
    }
    """)
  // The send readies consumer into runnext, pushing `other` to the local queue:
  // consumer runs first once main sleeps.
  #expect(run.lines == ["sent", "got 7", "other"])
}

@Test func goTracesAreDeterministic() throws {
  let demo = try #require(DemoCatalog.named("channel-pipeline"))
  let program = try CompiledProgram.compile(demo.sourceFile)
  let a = program.makeGoScheduler(options: RuntimeOptions(), procs: 2)
  let b = program.makeGoScheduler(options: RuntimeOptions(), procs: 2)
  a.run()
  b.run()
  #expect(a.trace.events == b.trace.events)
}

/// 300 goroutines started before main blocks overflow P0's 256-slot local
/// queue: runqputslow moves its first half, then the one that did not fit, to
/// the global queue. The trace says so, so its local queue (the reducer's, the
/// view's) never holds more than 256, as the scheduler's does.
@Test func aFullLocalQueueSpillsHalfToTheGlobalQueue() throws {
  let run = try runGo(
    """
    async fn noop(i) {
    }
    async fn main() {
        for i in 0..300 {
            spawn noop(i)
        }
        sleep(1ms)
    }
    """)
  var state = TraceState()
  var longestLocal = 0
  var spilled: [TaskID] = []
  var spillNotes: [String] = []
  for (i, event) in run.trace.events.enumerated() {
    if case .goRunqPut(let task, _, .global) = event.payload, state.go.localQueue(of: task) == 0 {
      spilled.append(task)
      spillNotes.append(state.note(forEvent: i, in: run.trace))
    }
    if spilled.isEmpty, case .goRunqPut(_, _, .runnext) = event.payload,
      case .goRunqPut(_, _, .global)? = run.trace.events.dropFirst(i + 1).first?.payload
    {
      // The put into runnext that displaced a goroutine towards the full queue.
      spillNotes.append(state.note(forEvent: i, in: run.trace))
    }
    TraceReducer.apply(run.trace.events, upTo: i + 1, to: &state)
    longestLocal = max(longestLocal, state.go.procs.first?.local.count ?? 0)
  }
  #expect(longestLocal == GoCosts.localQueueCapacity)
  // The 258th put (runnext's 257th displaced goroutine) found the queue full:
  // the first 128 queued (goroutines 2-129: main is #1, and #2 went to the
  // queue first) moved to the global queue.
  #expect(spilled.count == GoCosts.localQueueCapacity / 2)
  #expect(spilled.first == TaskID(2))
  #expect(spilled.last == TaskID(129))
  let displacing = "towards the local queue, which is full (256 slots): runqputslow"
  #expect(spillNotes.first?.contains(displacing) == true)
  let moving = "moves from P0's full local run queue (256 slots; runqputslow"
  #expect(spillNotes.dropFirst().first?.contains(moving) == true)
}
