import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

@Test func sequentialAwaitsTakeTheSumAndJoinTakesTheMax() throws {
  let decls = "resource db latency 40ms\nresource svc latency 25ms\n"
  let sequential = try compile(
    decls + "async fn main() {\n    let a = await db.query(1)\n    let b = await svc.call(a)\n}\n")
  let joined = try compile(decls + "async fn main() {\n    await join(db.query(1), svc.call(2))\n}\n")
  let latencies = sequential.resources.map(\.latencyUs)
  #expect(runSim(sequential).1.tUs == latencies.reduce(0, +))
  #expect(runSim(joined).1.tUs == latencies.max())
}

@Test func joinGivesOutputsInArgumentOrder() throws {
  let (trace, _) = try runText(
    """
    resource slow latency 30ms
    resource quick latency 10ms
    async fn main() {
        let r = await join(slow.a(1), quick.b(2), sleep(5ms))
        print("{r}")
        print(r[1])
    }
    """)
  #expect(trace.printedText == ["[slow.a(1), quick.b(2), ()]", "quick.b(2)"])
}

@Test func selectKeepsTheWinnerAndCancelsTheLoser() throws {
  let (trace, end) = try runText(
    """
    resource slow latency 80ms
    async fn main() {
        let r = await select(slow.fetch("x"), sleep(50ms))
        print("{r}")
    }
    """)
  #expect(trace.printedText == ["[1, ()]"])
  #expect(end.tUs == 50_000)  // the fetch's answer at 80 ms is never waited for
  // The dropped fetch deregistered its fd at 50 ms: nothing is left for the reactor.
  #expect(trace.events("deregister").map(\.tUs) == [50_000])
  #expect(trace.events("waker_drop").count == 1)
}

@Test func timeoutGivesNoneWhenTheTimerWinsAndTheValueOtherwise() throws {
  let (trace, end) = try runText(
    """
    resource slow latency 80ms
    resource fast latency 10ms
    async fn main() {
        let a = await timeout(30ms, slow.get(1))
        let b = await timeout(30ms, fast.get(2))
        if a == none {
            print("a timed out")
        }
        if b != none {
            print("b = {b}")
        }
    }
    """)
  #expect(trace.printedText == ["a timed out", "b = fast.get(2)"])
  #expect(end.tUs == 30_000 + 10_000)
}

@Test func pollEndCarriesTheLineOfTheInnermostAwait() throws {
  let (trace, _) = try runText(
    """
    async fn inner() {
        print("inner")
        await sleep(5ms)
    }
    async fn main() {
        await inner()
    }
    """)
  let pending = trace.events.compactMap { e -> (Int32, String)? in
    if case .pollEnd(_, .pending, let line, let awaiting) = e.payload {
      return (line, awaiting.label(in: trace))
    }
    return nil
  }
  #expect(pending.count == 1)
  #expect(pending.first?.0 == 3)
  #expect(pending.first?.1 == "sleep")
}

@Test func controlFlowForRepeatIfAndReturn() throws {
  let (trace, end) = try runText(
    """
    async fn classify(n) {
        if n == 0 {
            return "zero"
        } else if n == 1 {
            return "one"
        }
        return "many"
    }
    async fn main() {
        for i in 0..3 {
            let c = await classify(i)
            print("{i}: {c}")
        }
        let pause = 10ms
        repeat 2 {
            print("again")
        }
        for j in 5..5 {
            print("never")
        }
        repeat 0 {
            print("never")
        }
        print("{{braces}} \\"quoted\\" {pause}")
    }
    """)
  #expect(end.reason == .completed)
  #expect(
    trace.printedText == ["0: zero", "1: one", "2: many", "again", "again", "{braces} \"quoted\" 10ms"])
}

@Test func yieldNowDefersItsWakeUntilAfterTheDriverTurn() throws {
  let (trace, _) = try runText(
    """
    async fn worker(name) {
        print("{name} 1")
        await yield_now()
        print("{name} 2")
    }
    """ + MainFn.spawnsThenAwaits("worker", named: "a", "b"))
  #expect(trace.printedText == ["a 1", "b 1", "a 2", "b 2"])
  // Both wakers wait in the defer list; one non-blocking driver turn wakes them in order.
  let deferred = trace.events.compactMap { e -> TaskID? in
    if case .wake(let t, .deferred, _, _) = e.payload { return t }
    return nil
  }
  #expect(deferred == [TaskID(2), TaskID(3)])
  #expect(!trace.events.contains { if case .wake(_, .own, _, _) = $0.payload { true } else { false } })
}

@Test func valuesOnTheStackSurviveAnAwaitInsideAnExpression() throws {
  let (trace, _) = try runText(
    """
    resource db latency 5ms
    async fn pair(a, b) {
        return "{a}+{b}"
    }
    async fn main() {
        let r = await pair("left", await db.query(1))
        if await pair(1, 2) == "1+2" {
            print(r)
        }
    }
    """)
  #expect(trace.printedText == ["left+db.query(1)"])
}

@Test func timeoutCancelsASuspendedAsyncFnAndItsRequest() throws {
  let (trace, end) = try runText(
    """
    resource db latency 40ms
    async fn slow() {
        let r = await db.query("x")
        print("not reached")
        return r
    }
    async fn main() {
        let r = await timeout(10ms, slow())
        print("{r}")
    }
    """)
  #expect(trace.printedText == ["none"])
  // The suspended fn was dropped with its request: fd closed at 10 ms, nothing left to wait for.
  #expect(end.tUs == 10_000)
  #expect(trace.events("deregister").map(\.tUs) == [10_000])
  #expect(end.reason == .completed)
}

@Test func joinAndSelectAcceptJoinHandles() throws {
  let (trace, end) = try runText(
    """
    async fn wait(d) {
        await sleep(d)
        return d
    }
    async fn main() {
        let a = spawn wait(30ms)
        let b = spawn wait(10ms)
        let first = await select(a, b)
        print("{first}")
        let c = spawn wait(5ms)
        let d = spawn wait(1ms)
        let both = await join(c, d)
        print("{both}")
    }
    """)
  #expect(trace.printedText == ["[1, 10ms]", "[5ms, 1ms]"])
  // select and join take the handles over (a second use would be a use of a
  // moved value). Dropping the losing handle does not stop its task, but main
  // returns at 15 ms, before it finishes: the runtime drops it then.
  #expect(end.tUs == 15_000)
  #expect(TraceReducer.finalState(of: trace).tasks[1].status == .dropped)
}
