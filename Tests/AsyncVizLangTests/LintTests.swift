import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

private func lints(_ trace: Trace, _ code: LintCode) -> [String] {
  trace.events.compactMap { e in
    if case .lint(let task, code, _) = e.payload { return trace.task(task)?.name }
    return nil
  }
}

@Test func theLostWakerDemoEndsStuckAndTheLintNamesTheTask() throws {
  let (runtime, end) = runSim(try demoProgram("lost-waker"))
  let trace = runtime.trace
  #expect(end.reason == .stuck)
  let forgetful = try #require(trace.tasks.first { $0.name == "forgetful" }).id
  #expect(end.stuckTasks.contains(forgetful))
  #expect(lints(trace, .lostWaker) == ["forgetful"])
  #expect(!trace.printedText.contains("never printed"))
}

@Test func theSelfWakeDemoFiresTheSelfWakeLintOnTheSpinner() throws {
  let (runtime, end) = runSim(try demoProgram("self-wake"))
  #expect(end.reason == .completed)
  #expect(lints(runtime.trace, .selfWake) == ["spinner"])
  let selfWakes = runtime.trace.events.filter {
    if case .wake(_, .own, _, _) = $0.payload { true } else { false }
  }
  #expect(selfWakes.count == 5)
}

@Test func blockingStopsEveryTaskAndIsLinted() throws {
  let (runtime, end) = runSim(try demoProgram("blocking-the-executor"))
  let trace = runtime.trace
  #expect(end.reason == .completed)
  let blocks = trace.events.compactMap { e -> (Int64, Int64)? in
    if case .block(_, let dur, _) = e.payload { return (e.tUs, dur) }
    return nil
  }
  #expect(blocks.count == 1)
  let (blockedAt, duration) = try #require(blocks.first)
  #expect(duration == 100_000)
  // The ticker's second tick was due at 20 ms; it can only come after the block ends.
  let ticks = trace.printed.filter { $0.text == "tick" }.map(\.tUs)
  #expect(ticks.first == 10_000)
  #expect(ticks.dropFirst().first == blockedAt + duration)
  #expect(lints(trace, .longPoll) == ["blocker"])
}

@Test func aFullChannelMakesTheSenderPendingUntilTheReceiverTakesAnItem() throws {
  let (trace, end) = try runText(
    """
    channel jobs capacity 1
    async fn producer() {
        await jobs.send(1)
        await jobs.send(2)
        print("sent both")
    }
    async fn main() {
        let p = spawn producer()
        await sleep(10ms)
        let first = await jobs.recv()
        let second = await jobs.recv()
        print("got {first} {second}")
        await p
    }
    """)
  #expect(end.reason == .completed)
  let producer = TaskID(2)
  let pendings = trace.events.compactMap { e -> (Int64, Int32, String)? in
    if case .pollEnd(producer, .pending, let line, let awaiting) = e.payload {
      return (e.tUs, line, awaiting.label(in: trace))
    }
    return nil
  }
  // The second send found the channel full at time 0 and waited there.
  #expect(pendings.count == 1)
  #expect(pendings.first?.0 == 0 && pendings.first?.1 == 4 && pendings.first?.2 == "jobs.send")
  // main's recv woke it (a wake by another task), at 10 ms.
  let wake = trace.events.first {
    if case .wake(producer, .task, _, TaskID(1)) = $0.payload { true } else { false }
  }
  #expect(wake?.tUs == 10_000)
  // main's second recv found the channel empty and waited; the producer's second send woke it.
  #expect(trace.printedText == ["sent both", "got 1 2"])
}

@Test func theChannelPipelineDemoHoldsTheProducerToTheConsumersPace() throws {
  let (runtime, end) = runSim(try demoProgram("channel-pipeline"))
  #expect(end.reason == .completed)
  let sent = runtime.trace.printed.filter { $0.text.hasPrefix("sent job") }.map(\.tUs)
  // Capacity 2 plus the item the consumer holds: three sends at once, then one per 20 ms job.
  #expect(sent == [0, 0, 0, 20_000, 40_000, 60_000])
}

/// The long-poll and self-wake lints give advice that agrees: yielding after
/// each chunk of real work fires neither (`yield_now`'s wake is deferred, not
/// a self-wake; a self-wake after a chunk of work of a tenth of the long-poll
/// threshold is not busy polling); waking itself at every tiny step is busy
/// polling; never yielding is a long poll (never-yielded on a first poll).
private let yieldPatterns: [(name: String, body: String, longPoll: Bool, selfWake: Bool)] = [
  (
    "yield after each 2 ms chunk", "repeat 20 {\n        work(2ms)\n        await yield_now()\n    }", false,
    false
  ),
  (
    "yield at every tiny step", "repeat 50 {\n        work(10us)\n        await yield_now()\n    }", false,
    false
  ),
  (
    "self-wake after each 1 ms chunk", "repeat 50 {\n        work(1ms)\n        await self_wake(1)\n    }",
    false, false
  ),
  (
    "self-wake after each 5 ms chunk", "repeat 8 {\n        work(5ms)\n        await self_wake(1)\n    }",
    false, false
  ),
  (
    "self-wake at every tiny step", "repeat 50 {\n        work(10us)\n        await self_wake(1)\n    }",
    false, true
  ),
  ("self-wake without work", "await self_wake(10)", false, true),
  ("no yield at all", "repeat 20 {\n        work(2ms)\n    }", true, false),
]

@Test(arguments: yieldPatterns.map(\.name))
func theYieldingAdviceOfBothLintsAgrees(name: String) throws {
  let p = try #require(yieldPatterns.first { $0.name == name })
  let (trace, _) = try runText(
    "async fn cruncher() {\n    \(p.body)\n}\nasync fn main() {\n    let h = spawn cruncher()\n    await h\n}\n"
  )
  let long = lints(trace, .longPoll) + lints(trace, .neverYielded)
  #expect(long == (p.longPoll ? ["cruncher"] : []))
  #expect(lints(trace, .selfWake) == (p.selfWake ? ["cruncher"] : []))
}

@Test func bothLintsSayWhenYieldingIsRight() throws {
  let (longTrace, _) = try runText("async fn main() {\n    work(20ms)\n}\n")
  let (busyTrace, _) = try runText("async fn main() {\n    await self_wake(10)\n}\n")
  let notes = Transcript.render(longTrace) + Transcript.render(busyTrace)
  #expect(notes.contains("yield inside long loops after each chunk of work (about a tenth of the threshold)"))
  #expect(
    notes.contains(
      "Yielding is right only after a real chunk of work (about a tenth of the long-poll threshold)"))
}
