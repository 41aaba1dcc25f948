import AsyncVizExamples
import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Testing

extension EpollTests {
  static let demoNames = DemoCatalog.all.map(\.name)

  /// The long-poll threshold of these runs: 50 ms instead of 10. On a real
  /// clock a poll's length is the machine's: in a debug build on a busy
  /// machine, many-requests' main spawning 1,000 tasks in one poll can take
  /// over 10 ms. The only long polls the demos mean (`block(100ms)`) still fire.
  static let options = RuntimeOptions(longPollThresholdUs: 50_000)

  /// Compiles `source` and runs it to the end on `backend`.
  static func runProgram(_ name: String, _ source: String, on backend: any ReactorBackend) throws -> Trace {
    let program = try CompiledProgram.compile(SourceFile(name: "\(name).av", text: source))
    let rt = program.makeRuntime(backend: backend, options: options)
    rt.run()
    return rt.trace
  }

  /// Every demo, at its own latencies (real time on epoll): the same per-task
  /// logical events as on the sim, and no socket, epoll or eventfd left open.
  @Test(arguments: demoNames)
  func everyDemoGivesEachTaskTheSameLogicalEventsOnBothBackends(_ name: String) throws {
    let demo = try #require(DemoCatalog.named(name))
    let sim = LogicalEvents(try Self.runProgram(name, demo.source, on: SimBackend()))
    let before = OpenFds.snapshot()
    var epollTrace: Trace?
    var waitCalls: [(calls: Int, reactorWaits: Int)] = []
    let epoll = try RealTime.agreeing(with: sim) { () throws(BackendError) in
      do {
        let backend = try EpollBackend()
        let trace = try Self.runProgram(name, demo.source, on: backend)
        epollTrace = trace
        waitCalls.append((backend.waitCounts.calls, Self.reactorWaits(in: trace)))
        return LogicalEvents(trace)
      } catch let error as BackendError {
        throw error
      } catch {
        throw BackendError("\(error)")
      }
    }
    #expect(sim == epoll, "sim:\n\(sim)\nepoll:\n\(epoll)")
    #expect(epollTrace?.program.backend == .epoll)
    // What strace would count: every epoll_pwait2 / epoll_wait the backend
    // made is a reactor_wait of the trace, and vice versa (no signals here).
    for run in waitCalls { #expect(run.calls == run.reactorWaits) }
    #expect(OpenFds.leaked(since: before).isEmpty)
  }

  /// The number of `reactor_wait` events of `trace`.
  static func reactorWaits(in trace: Trace) -> Int {
    trace.events.filter { if case .reactorWait = $0.payload { true } else { false } }.count
  }

  /// db-then-service as shipped, but with latencies of 0.2 and 0.1 ms so that
  /// 1,000 runs take a second, not 65.
  static var quickDbThenService: String {
    get throws {
      let demo = try #require(DemoCatalog.named("db-then-service"))
      let quick = demo.source.replacingOccurrences(of: "latency 40ms", with: "latency 200us")
        .replacingOccurrences(of: "latency 25ms", with: "latency 100us")
      try #require(quick.contains("latency 200us") && quick.contains("latency 100us"))
      return quick
    }
  }

  @Test func aThousandRunsOfTheDbThenServiceDemoLeakNoFd() throws {
    let source = try Self.quickDbThenService
    let expected = LogicalEvents(try Self.runProgram("db-then-service", source, on: SimBackend()))
    let before = OpenFds.snapshot()
    let countBefore = OpenFds.count()
    var completed = 0
    for _ in 0..<1_000 {
      let trace = try Self.runProgram("db-then-service", source, on: try EpollBackend())
      if trace.end?.reason == .completed { completed += 1 }
    }
    #expect(completed == 1_000)
    let leaked = OpenFds.leaked(since: before)
    #expect(leaked.isEmpty, "still open after 1,000 runs: \(leaked)")
    #expect(OpenFds.count() <= countBefore + 2)
    // And one more run still behaves like the sim.
    let last = try RealTime.agreeing(with: expected) { () throws(BackendError) in
      do {
        return LogicalEvents(try Self.runProgram("db-then-service", source, on: try EpollBackend()))
      } catch let error as BackendError {
        throw error
      } catch {
        throw BackendError("\(error)")
      }
    }
    #expect(last == expected)
  }

  @Test func dbThenServiceOnEpollPrintsWhatTheSimPrints() throws {
    let demo = try #require(DemoCatalog.named("db-then-service"))
    func outputs(_ t: Trace) -> [String] {
      t.events.compactMap { e in if case .output(_, let s) = e.payload { t.string(s) } else { nil } }
    }
    let sim = try Self.runProgram("db-then-service", demo.source, on: SimBackend())
    let epoll = try Self.runProgram("db-then-service", demo.source, on: try EpollBackend())
    #expect(outputs(epoll) == outputs(sim))
    #expect(outputs(sim).count == 3)
    // The waits returned the fds the requests went out on.
    let sent = Set(
      epoll.events.compactMap { e -> Int32? in
        if case .ioSend(_, let fd, _, _) = e.payload { fd } else { nil }
      })
    let ready = Set(
      epoll.events.compactMap { e -> Int32? in
        if case .reactorReady(let fd, _) = e.payload { fd } else { nil }
      })
    #expect(!ready.isEmpty && ready == sent)
  }
}
