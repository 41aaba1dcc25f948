import AsyncVizLang
import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

// The rules of the node model (docs/decisions.md, "The node model is Node
// 20's event loop"). Each expectation was checked against real Node 20: the
// same program, translated with `asyncviz translate --to node` (or, where
// the translator refuses the program, written by hand), run with `node`.

/// The node model's run of `text`: printed lines, when main's promise was
/// fulfilled, and how the loop ended.
private func runNode(_ text: String) throws -> (lines: [String], mainEndUs: Int64?, end: RunEnd, trace: Trace)
{
  let loop = try compile(text).makeNodeLoop(options: RuntimeOptions())
  let end = loop.run()
  let trace = loop.trace
  let lines = trace.printedText
  return (lines, loop.mainEndUs, end, trace)
}

@Test func callingAnAsyncFnRunsItsBodyAtOnce() throws {
  let run = try runNode(
    """
    resource db latency 30ms
    async fn lookup() {
        print("lookup runs")
        return await db.query("x")
    }
    async fn main() {
        let later = lookup()
        print("made it")
        await sleep(50ms)
        let row = await later
        print("got {row}")
    }
    """)
  #expect(run.lines == ["lookup runs", "made it", "got db.query(x)"])
  // The query left at 0 ms, so it is long done at 50 ms (under rust: 80 ms).
  #expect(run.mainEndUs == 50_000)
  #expect(run.trace.program.model == .node)
}

@Test func promiseAllCostsOneMoreMicrotaskThanAnAwait() throws {
  let run = try runNode(
    """
    async fn quick(n) {
        return n
    }
    async fn first() {
        let v = await join(quick(1))
        print("join {v}")
    }
    async fn second() {
        let v = await quick(2)
        print("await {v}")
    }
    """ + MainFn.spawns("first", "second", thenSleeps: "1ms"))
  #expect(run.lines == ["await 2", "join [1]"])
}

@Test func returningAPromiseCostsTwoMoreMicrotasks() throws {
  let run = try runNode(
    """
    async fn one() {
        return 1
    }
    async fn wrapped() {
        return one()
    }
    async fn waitfor(f, label) {
        let v = await f
        print("{label} {v}")
    }
    async fn main() {
        let a = waitfor(wrapped(), "wrapped")
        let b = waitfor(one(), "plain")
        await a
        await b
    }
    """)
  #expect(run.lines == ["plain 1", "wrapped 1"])
  #expect(run.trace.events.contains { $0.payload == .microtaskQueue(task: TaskID(2), job: .thenable) })
}

@Test func everyMicrotaskRunsBeforeTheNextTimer() throws {
  let run = try runNode(
    """
    channel c capacity 5
    async fn a() {
        await sleep(5ms)
        print("a1")
        await c.send(1)
        print("a2")
        await c.send(2)
        print("a3")
    }
    async fn b() {
        await sleep(5ms)
        print("b")
    }
    """ + MainFn.spawns("a", "b", thenSleeps: "10ms"))
  #expect(run.lines == ["a1", "a2", "a3", "b"])
}

@Test func theCheckPhaseComesBeforeTheNextTimers() throws {
  let run = try runNode(
    """
    async fn f() {
        await sleep(0ms)
        print("timer")
    }
    async fn g() {
        await yield_now()
        print("immediate")
    }
    """ + MainFn.spawns("f", "g", thenSleeps: "5ms"))
  #expect(run.lines == ["immediate", "timer"])
}

@Test func setTimeoutWaitsAtLeastOneWholeMillisecond() throws {
  #expect(try runNode("async fn main() {\n    await sleep(0ms)\n}").mainEndUs == 1_000)
  #expect(try runNode("async fn main() {\n    await sleep(1500us)\n}").mainEndUs == 2_000)
}

@Test func raceLosersAreNotCancelled() throws {
  let run = try runNode(
    """
    async fn late() {
        await sleep(30ms)
        print("the loser still runs")
    }
    async fn main() {
        let r = await select(sleep(10ms), late())
        print("picked {r}")
    }
    """)
  #expect(run.lines == ["picked [0, ()]", "the loser still runs"])
  #expect(run.mainEndUs == 10_000)
  // The process lives on until the loser's timer has fired.
  #expect(run.end.reason == .completed && run.end.tUs == 30_000)
}

@Test func aPromiseNeverSettledLetsTheLoopRunDry() throws {
  let run = try runNode(
    """
    async fn main() {
        print("before")
        await lost_waker()
        print("never")
    }
    """)
  #expect(run.lines == ["before"])
  #expect(run.mainEndUs == nil)
  #expect(run.end.reason == .stuck && run.end.stuckTasks == [TaskID(1)])
}

@Test func aBlockingCallStopsTheOnlyThread() throws {
  let run = try runNode(
    """
    async fn ticker() {
        await sleep(5ms)
        print("tick")
    }
    async fn main() {
        spawn ticker()
        block(20ms)
        print("unblocked")
        await sleep(1ms)
        print("done")
    }
    """)
  // The tick was due at 5 ms, but the thread was blocked until 20 ms.
  #expect(run.lines == ["unblocked", "tick", "done"])
  #expect(run.mainEndUs == 21_000)
}
