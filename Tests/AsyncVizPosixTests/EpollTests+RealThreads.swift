import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace
import Testing

// The threads model on real pthreads (RealThreadsKernel): what a program
// prints is the simulated kernel's, the thread count is the kernel's own,
// the thread cap stops a run cleanly, and nothing is left open. Its threads
// open sockets and an epoll of their own, so these tests run in the
// serialized EpollTests suite: beside an epoll test, each saw the other's
// descriptors as leaks.

private func realRun(_ text: String, cap: Int = RealThreadsKernel.defaultCap) throws -> RealThreadsKernel {
  let program = try CompiledProgram.compile(SourceFile(name: "real.av", text: text))
  let info = ProgramInfo(name: "real", source: text, backend: .epoll, model: .threads)
  let kernel = try RealThreadsKernel(program: info, resources: program.resources, threadCap: cap)
  program.startThreads(on: kernel, maxThreads: 1_000)
  kernel.run()
  return kernel
}

private func lines(_ trace: Trace) -> [String] {
  trace.events.compactMap { if case .output(_, let text) = $0.payload { trace.string(text) } else { nil } }
}

private let handlers = """
  const n = 20
  resource db latency 30ms
  channel done capacity n
  async fn handler(id) {
      let row = await db.query("id = {id}")
      await done.send(row)
  }
  async fn main() {
      for i in 0..n {
          spawn handler(i)
      }
      repeat n {
          await done.recv()
      }
      await sleep(5ms)
      print("served {n}")
  }
  """

extension EpollTests {
  @Test func realThreadsPrintWhatTheSimulatedKernelPrintsAndLeaveNothingOpen() throws {
    let before = OpenFds.snapshot()
    let kernel = try realRun(handlers)
    let sim = try CompiledProgram.compile(SourceFile(name: "real.av", text: handlers)).makeKernel(
      options: RuntimeOptions())
    sim.run()
    #expect(kernel.end?.reason == .completed)
    #expect(lines(kernel.trace) == lines(sim.trace))
    // main and its 20 handlers were alive at once, each a thread of the process.
    #expect(kernel.peakThreads == 21)
    #expect(kernel.peakOSThreads >= 21)
    // Every handler blocked in a real read for the server's 30 ms, then main
    // slept 5 ms in a real nanosleep, so the run took at least 35 ms on the
    // wall clock.
    #expect((kernel.end?.tUs ?? 0) >= 35_000)
    #expect(OpenFds.leaked(since: before).isEmpty)
  }

  @Test func aRunPastTheThreadCapEndsWithAnErrorAndSaysWhy() throws {
    let kernel = try realRun(handlers, cap: 5)
    #expect(kernel.end?.reason == .error)
    #expect(kernel.refusal?.contains("at most 5 threads") == true)
    #expect(lines(kernel.trace).contains { $0.contains("pthread_create refused") })
  }

  @Test func aLostWakerLeavesTheRealRunStuck() throws {
    let kernel = try realRun(
      """
      async fn main() {
          await lost_waker()
      }
      """)
    #expect(kernel.end?.reason == .stuck)
    #expect(kernel.end?.stuckTasks == [TaskID(1)])
  }
}
