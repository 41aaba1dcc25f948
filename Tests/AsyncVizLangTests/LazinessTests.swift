import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

@Test func aFutureThatIsNeverAwaitedSendsNothing() throws {
  let program = try compile(
    """
    resource db latency 40ms
    async fn main() {
        let ignored = db.query("never sent")
        print("made it")
    }
    """)
  let (runtime, end) = runSim(program)
  #expect(end.reason == .completed)
  #expect(end.tUs == 0)
  #expect(runtime.trace.events("io_send").isEmpty)
  #expect(runtime.trace.events("register").isEmpty)
  #expect(program.warnings.map(\.line) == [3])
}

@Test func aResourceCallStartsWhenAwaitedNotWhenMade() throws {
  let (trace, end) = try runText(
    """
    resource db latency 40ms
    async fn main() {
        let f = db.query("x")
        await sleep(10ms)
        let rows = await f
        print(rows)
    }
    """)
  #expect(end.reason == .completed)
  #expect(trace.events("io_send").map(\.tUs) == [10_000])
  #expect(end.tUs == 10_000 + 40_000)
}

@Test func anAsyncFnBodyRunsOnlyWhenItsFutureIsAwaited() throws {
  let (trace, _) = try runText(
    """
    async fn greet(name) {
        print("hello {name}")
        return "greeted {name}"
    }
    async fn main() {
        let f = greet("ada")
        print("made")
        await sleep(5ms)
        print("awaiting")
        let r = await f
        print(r)
    }
    """)
  #expect(trace.printedText == ["made", "awaiting", "hello ada", "greeted ada"])
  #expect(trace.printed.map(\.tUs) == [0, 5_000, 5_000, 5_000])
}

@Test func spawnStartsATaskWithoutAwaitAndNamesItAfterTheFn() throws {
  let (trace, end) = try runText(
    """
    async fn handler(id) {
        print("handler {id} ran")
    }
    async fn main() {
        spawn handler(1)
        print("main is done")
    }
    """)
  #expect(end.reason == .completed)
  #expect(trace.tasks.map(\.name) == ["main", "handler"])
  #expect(trace.tasks[1].parent == TaskID(1))
  // main returns before the task was ever polled: block_on returns and the
  // runtime drops the task, as tokio does.
  #expect(trace.printedText == ["main is done"])
  #expect(TraceReducer.finalState(of: trace).tasks.map(\.status) == [.done, .dropped])
}

@Test func spawnOfABuiltinOrResourceCallNamesTheTaskAfterIt() throws {
  let (trace, _) = try runText(
    """
    resource db latency 1ms
    async fn main() {
        let a = spawn db.query("x")
        let b = spawn sleep(2ms)
        let r = await a
        await b
        print(r)
    }
    """)
  #expect(trace.tasks.map(\.name) == ["main", "db.query", "sleep"])
  #expect(trace.printedText == ["db.query(x)"])
}

@Test func aJoinHandleGivesTheTasksOutputOnce() throws {
  let (trace, end) = try runText(
    """
    async fn answer() {
        await sleep(1ms)
        return 42
    }
    async fn main() {
        let h = spawn answer()
        let a = await h
        print("{a}")
    }
    """)
  #expect(end.reason == .completed)
  #expect(trace.printedText == ["42"])
  // A second `await h` is rejected before the run: TokioRulesTests.
}

/// A future kept in a local is in the trace from the moment it is made
/// (`future_made`, not polled: lazy) to the await that first polls it
/// (`future_polled`), and the state lists it as lazy in between; one passed
/// on at once, or awaited where it is made, has no such events.
@Test func aKeptFutureIsTracedFromItsMakingToItsFirstPoll() throws {
  let (trace, end) = try runText(
    """
    resource db latency 40ms
    async fn main() {
        let f = db.query("x")
        let never = db.query("y")
        await sleep(10ms)
        let both = await join(f, sleep(1ms))
        await join(db.query("z"), sleep(1ms))
        print(both)
    }
    """)
  #expect(end.reason == .completed)
  let kept = trace.events.compactMap { e -> String? in
    switch e.payload {
    case .futureMade(_, let line, let label): "made \(trace.string(label)) L\(line) at \(e.tUs)"
    case .futurePolled(_, let line, let label): "polled \(trace.string(label)) L\(line) at \(e.tUs)"
    default: nil
    }
  }
  #expect(kept == ["made db.query L3 at 0", "made db.query L4 at 0", "polled db.query L3 at 10000"])
  // Between the two, the state holds both as lazy; after, only the one never awaited.
  let poll = try #require(
    trace.events.firstIndex { if case .futurePolled = $0.payload { true } else { false } })
  var state = TraceState()
  TraceReducer.apply(trace.events, upTo: poll, to: &state)
  #expect(state.lazyFutures.map(\.line) == [3, 4])
  TraceReducer.apply(trace.events, upTo: poll + 1, to: &state)
  #expect(state.lazyFutures.map(\.line) == [4])
  // The task's end drops the future it never awaited.
  TraceReducer.apply(trace.events, upTo: trace.events.count, to: &state)
  #expect(state.lazyFutures.isEmpty)
}
