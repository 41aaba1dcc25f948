import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

// The simulated backend gives byte-identical traces. The
// fuzz corpus is checked the same way in FuzzCorpusTests.

@Test(arguments: DemoCatalog.all.map(\.name))
func everyDemoGivesAByteIdenticalTraceTwice(_ name: String) throws {
  let program = try demoProgram(name)
  let (firstEnd, first) = encodedRun(program, RuntimeOptions(), Limits())
  let (secondEnd, second) = encodedRun(program, RuntimeOptions(), Limits())
  #expect(firstEnd == secondEnd)
  #expect(first.count > 1_000, "the trace of \(name) is suspiciously short")
  #expect(first == second, "two runs of \(name) gave different bytes")
}

@Test func twoRunsOfAProgramThatHitsEveryLimitAreIdentical() throws {
  // Limits are counted per run, so a second runtime of the same compiled
  // program starts with fresh budgets and stops at the same places.
  let program = try compile(
    """
    async fn spin(id) {
        repeat 1000000000 {
            print("{id}")
        }
    }
    async fn spawner() {
        repeat 100 {
            spawn spin(1)
        }
    }
    async fn main() {
        spawn spawner()
        await sleep(1ms)
        await spin(0)
    }
    """)
  let limits = Limits(instructionsPerPoll: 500, instructionsPerRun: 5_000, outputLinesPerRun: 300)
  let options = RuntimeOptions(maxTasks: 40)
  let (firstEnd, first) = encodedRun(program, options, limits)
  let (secondEnd, second) = encodedRun(program, options, limits)
  #expect(firstEnd == secondEnd)
  #expect(first == second)
  let runtime = program.makeRuntime(backend: SimBackend(), options: options, limits: limits)
  runtime.run()
  let errors = runtime.trace.printedText.filter { $0.hasPrefix("error: ") }
  #expect(errors.contains { $0.contains("spawn refused: 40 tasks are alive") })
  #expect(errors.contains { $0.contains("this poll ran 500 instructions") })
  #expect(errors.contains { $0.contains("the run has printed 300 lines") })
}
