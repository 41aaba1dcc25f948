import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace

/// The workloads of the UI benchmarks: a demo, and a native trace of a million events.
enum UIBenchPrograms {
  /// The complete sim trace of a canned demo.
  static func demo(named name: String) -> Trace {
    guard let demo = DemoCatalog.named(name) else { fatalError("no demo named \(name)") }
    do {
      let program = try CompiledProgram.compile(demo.sourceFile)
      let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
      runtime.run()
      return runtime.trace
    } catch {
      fatalError("demo \(name) does not compile: \(error)")
    }
  }

  /// `tasks` tasks that each sleep then yield, `rounds` times (about 12 events a round).
  /// `tasks` tasks that each sleep then yield, `rounds` times (about 11 events a round).
  static func sleepers(tasks: Int, rounds: Int) -> Trace {
    let rt = Runtime(
      program: ProgramInfo(name: "sleepers (native)", source: "", backend: .sim),
      options: RuntimeOptions(maxSteps: 100_000_000))
    rt.reserve(events: tasks * rounds * 13)
    rt.spawn(
      "main",
      SpawnAll(count: tasks, name: "sleeper") {
        Sleeper(rounds: rounds, periodUs: Int64(1_000 + ($0 % 7) * 250))
      })
    rt.run()
    return rt.trace
  }

  /// Sleeps, then yields, `rounds` times.
  struct Sleeper: Future {
    let rounds: Int
    let periodUs: Int64
    var done = 0
    var sleep: Sleep?
    var yield: YieldNow?

    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      while done < rounds {
        if var y = yield {
          let r = y.poll(&cx)
          yield = y
          guard case .ready = r else { return .pending }
          yield = nil
          done += 1
          continue
        }
        var s = sleep ?? Sleep(durationUs: periodUs)
        let r = s.poll(&cx)
        sleep = s
        guard case .ready = r else { return .pending }
        sleep = nil
        yield = YieldNow()
      }
      return .ready(())
    }
  }

  /// Spawns `count` tasks, then awaits them in order.
  struct SpawnAll<F: Future>: Future {
    let count: Int
    let name: String
    let make: (Int) -> F
    var handles: [JoinHandle<F.Output>] = []
    var started = false

    mutating func poll(_ cx: inout Context) -> Poll<Void> {
      if !started {
        started = true
        for i in 1...count { handles.append(cx.spawn(name, make(i))) }
      }
      while var first = handles.first {
        let r = first.poll(&cx)
        handles[0] = first
        guard case .ready = r else { return .pending }
        handles.removeFirst()
      }
      return .ready(())
    }
  }
}
