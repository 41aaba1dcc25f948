import AsyncVizLang
import AsyncVizRuntime

/// The executor's yield workload written in the .av language, so the cost of
/// interpretation shows beside the native futures.
private let yieldProgram = """
  async fn yielder() {
      repeat 100 {
          await yield_now()
      }
  }

  async fn main() {
      for i in 0..10000 {
          spawn yielder()
      }
      await sleep(1s)    # the yielders run meanwhile: tasks alive when main returns are dropped
  }
  """

/// Resumptions per second of the .av yield workload (nil if it does not compile).
func languageYieldRate(tracing: Bool) -> Double? { languageYieldRates(tracing: tracing)?.wall }

/// Resumptions of the .av yield workload per second (of the wall clock and
/// of the thread's CPU time); nil if it does not compile.
func languageYieldRates(tracing: Bool) -> Rate? {
  let program: CompiledProgram
  do {
    program = try CompiledProgram.compile(SourceFile(name: "yield.av", text: yieldProgram))
  } catch {
    print("  (the .av yield program did not compile: \(error.rendered))")
    return nil
  }
  // The whole workload must run: at the default run budget (5 M
  // instructions, each future poll counting one) it stops at about 720,000
  // of its 1,010,000 polls, and the rest of the run is the error path.
  let rt = program.makeRuntime(
    backend: SimBackend(), options: RuntimeOptions(tracing: tracing, maxSteps: UInt32.max),
    limits: Limits(instructionsPerRun: 100_000_000))
  let stopwatch = Stopwatch()
  let end = rt.run()
  let time = stopwatch.elapsed()
  if end.reason != .completed {
    print("  (the .av yield run did not complete: \(end.reason))")
  }
  return Rate(end.steps, in: time)
}
