import AsyncVizLang
import AsyncVizPosix
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
func languageYieldRate(tracing: Bool) -> Double? {
  let program: CompiledProgram
  do {
    program = try CompiledProgram.compile(SourceFile(name: "yield.av", text: yieldProgram))
  } catch {
    print("  (the .av yield program did not compile: \(error.rendered))")
    return nil
  }
  let rt = program.makeRuntime(
    backend: SimBackend(), options: RuntimeOptions(tracing: tracing, maxSteps: UInt32.max))
  let start = Monotonic.nanoseconds()
  let end = rt.run()
  let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
  return Double(end.steps) / seconds
}
