import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

@Test func aLoopWithoutAwaitIsCutOffByThePerPollBudget() throws {
  let (trace, end) = try runText(SharedSources.busyLoop)
  #expect(end.reason == .error)
  let errors = trace.printedText.filter { $0.hasPrefix("error: line 3: this poll ran") }
  #expect(errors.count == 1)
  #expect(trace.printedText.last == "main goes on")
  #expect(!trace.printedText.contains("never"))
}

@Test func endlessRecursionStopsAtTheDepthLimitWithoutOverflowingTheStack() throws {
  let program = try compile(
    """
    async fn down() {
        await down()
    }
    async fn main() {
        await down()
        print("main goes on")
    }
    """)
  let runtime = program.makeRuntime(
    backend: SimBackend(), options: RuntimeOptions(), limits: Limits(maxCallDepth: 50))
  let end = runtime.run()
  #expect(end.reason == .error)
  let text = runtime.trace.printedText
  #expect(text.first?.contains("futures nest more than 50 deep inside one poll") == true)
  #expect(text.last == "main goes on")
}

@Test func theDefaultDepthLimitIsSafeOnATestThread() throws {
  let (trace, end) = try runText(
    "async fn down() {\n    await down()\n}\nasync fn main() {\n    await down()\n}\n")
  #expect(end.reason == .error)
  #expect(trace.printedText.first?.contains("nest more than \(Limits().maxCallDepth) deep") == true)
}

@Test func aFutureReachedTwiceThroughAListIsAnErrorLineNotACrash() throws {
  // The checker cannot see into lists, so this is caught when it runs.
  let (trace, end) = try runText(
    """
    async fn make() {
        return sleep(1ms)
    }
    async fn main() {
        let both = await join(make(), make())
        await both[0]
        await both[0]
        print("not reached")
    }
    """)
  #expect(end.reason == .error)
  #expect(trace.printedText.count == 1)
  #expect(trace.printedText.first?.hasPrefix("error: line 7: the future sleep was already awaited") == true)
}

@Test func theMaxStepsLimitEndsAnEndlessProgram() throws {
  let program = try compile(
    """
    async fn main() {
        repeat 1000000000 {
            await yield_now()
        }
    }
    """)
  let (_, end) = runSim(program, maxSteps: 500)
  #expect(end.reason == .maxSteps)
  #expect(end.steps == 500)
}

@Test func twoRuntimesOfOneProgramDoNotShareChannels() throws {
  let program = try compile(
    """
    channel c capacity 1
    async fn main() {
        await c.send(1)
        let v = await c.recv()
        print("{v}")
    }
    """)
  let first = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
  let second = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
  #expect(first.run().reason == .completed)
  #expect(second.run().reason == .completed)
  #expect(first.trace.printedText == ["1"] && second.trace.printedText == ["1"])
}

@Test func deeplyNestedSourceIsRefusedInsteadOfOverflowingTheStack() throws {
  let awaits = String(repeating: "await ", count: 5000)
  let d = try #require(diagnostic("async fn main() {\n    \(awaits)sleep(1ms)\n}\n"))
  #expect(d.line == 2)
  // The fn's block is level 1, so the 100th `await` (column 5 + 6 * 99) is the first too many.
  #expect(d.column == 5 + 6 * (Limits.maxNesting - 1))
  #expect(d.message.contains("nested too deeply"))
  let blocks = String(repeating: "repeat 1 {\n", count: 300) + String(repeating: "}\n", count: 300)
  let b = try #require(diagnostic("async fn main() {\n\(blocks)}\n"))
  #expect(b.line == Limits.maxNesting + 1)  // the fn's `{` on line 1 is level 1
  let parens = String(repeating: "(", count: 1000)
  #expect(
    diagnostic("async fn main() {\n    print(\(parens)1)\n}\n")?.message.contains("nested too deeply") == true
  )
}
