import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizThreadsRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// The rules of the threads model (docs/decisions.md, "The threads model"):
// one OS thread per task, blocking calls, CPUs with run queues and slices.

/// The threads model's run of `text` on `cpus` CPUs: printed lines, the end, the kernel.
private func runThreads(_ text: String, cpus: Int = 2) throws -> (
  lines: [String], end: RunEnd, kernel: Kernel
) {
  let kernel = try compile(text).makeKernel(options: RuntimeOptions(), cpus: cpus)
  let end = kernel.run()
  let trace = kernel.trace
  let lines = trace.printedText
  return (lines, end, kernel)
}

@Test func twoCPUsRunTwoComputingThreadsAtOnceAndOneCPUSlicesThem() throws {
  let two = try runThreads(SharedSources.twoSpinners, cpus: 2)
  let one = try runThreads(SharedSources.twoSpinners, cpus: 1)
  #expect(two.end.reason == .completed && one.end.reason == .completed)
  // On two CPUs both finish after about 30 ms of work; on one CPU after 60 ms.
  #expect(two.end.tUs < 31_000, "\(two.end.tUs)")
  #expect(one.end.tUs >= 60_000, "\(one.end.tUs)")
  #expect(two.kernel.preemptions == 0)
  // Sharing one CPU, each 30 ms computation is cut into slices while the other waits.
  #expect(one.kernel.preemptions >= 2)
  #expect(one.kernel.contextSwitches > two.kernel.contextSwitches)
}

@Test func aBlockingCallStopsOnlyItsOwnThread() throws {
  let run = try runThreads(
    """
    async fn ticker() {
        repeat 3 {
            await sleep(10ms)
            print("tick")
        }
    }
    async fn blocker() {
        block(50ms)
        print("unblocked")
    }
    """ + MainFn.spawnsThenAwaits("ticker", "blocker"))
  #expect(run.lines == ["tick", "tick", "tick", "unblocked"])
  #expect(run.end.tUs >= 50_000 && run.end.tUs < 51_000)
}

@Test func selectLosersKeepRunningOnTheirHelperThreads() throws {
  let run = try runThreads(
    """
    resource slow latency 50ms
    async fn fetch() {
        let r = await slow.get("x")
        print("slow finished anyway")
        return r
    }
    async fn main() {
        let r = await select(fetch(), sleep(10ms))
        print("select gave {r}")
        await sleep(60ms)
    }
    """)
  #expect(run.lines == ["select gave [1, ()]", "slow finished anyway"])
}

@Test func aFullChannelBlocksTheSenderOnACondition() throws {
  let run = try runThreads(
    """
    channel jobs capacity 1
    async fn producer() {
        for i in 0..3 {
            await jobs.send(i)
            print("sent {i}")
        }
    }
    async fn main() {
        let p = spawn producer()
        await sleep(10ms)
        for i in 0..3 {
            let v = await jobs.recv()
            print("got {v}")
        }
        await p
    }
    """)
  #expect(run.end.reason == .completed)
  // The producer fills the one slot and blocks on "not full" with 1; main's
  // first recv takes 0 and moves 1 in (waking the producer), its second
  // takes 1 at once, its third finds the queue empty and blocks until 2.
  #expect(run.lines == ["sent 0", "got 0", "got 1", "sent 1", "sent 2", "got 2"])
}

@Test func theReducersKernelStateAgreesWithTheKernelForEveryDemo() throws {
  for demo in DemoCatalog.all {
    let program = try CompiledProgram.compile(demo.sourceFile)
    for cpus in [1, 2, 4] {
      let kernel = program.makeKernel(options: RuntimeOptions(), cpus: cpus)
      let end = kernel.run()
      #expect(end.reason != .maxSteps, "\(demo.name)")
      let state = TraceReducer.finalState(of: kernel.trace).kernel
      #expect(state.contextSwitches == kernel.contextSwitches, "\(demo.name) on \(cpus)")
      #expect(state.preemptions == kernel.preemptions, "\(demo.name) on \(cpus)")
      #expect(state.peakThreads == kernel.peakThreads, "\(demo.name) on \(cpus)")
      #expect(state.cpus.count <= cpus)
      // The rust model prints the same lines (in some order) for these demos.
      let rust = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
      rust.run()
      if !["select-timeout", "lost-waker"].contains(demo.name) {
        #expect(
          kernel.trace.printedText.sorted() == rust.trace.printedText.sorted(), "\(demo.name) on \(cpus)")
      }
    }
  }
}

@Test func threadsTracesAreDeterministic() throws {
  let demo = try #require(DemoCatalog.named("channel-pipeline"))
  let program = try CompiledProgram.compile(demo.sourceFile)
  let a = program.makeKernel(options: RuntimeOptions())
  let b = program.makeKernel(options: RuntimeOptions())
  a.run()
  b.run()
  #expect(a.trace.events == b.trace.events)
}
