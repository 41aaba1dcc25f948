import AsyncVizExamples
import AsyncVizLang
import AsyncVizNodeRuntime
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Testing

extension EpollTests {
  /// The printed lines and when main returned, of a node-model trace.
  private static func nodeOutcome(_ trace: Trace) -> (lines: [String], mainEndUs: Int64?) {
    var lines: [String] = []
    var end: Int64?
    for e in trace.events {
      if case .output(_, let text) = e.payload { lines.append(trace.string(text)) }
      if case .complete(let task) = e.payload, task == TaskID(1) { end = e.tUs }
    }
    return (lines, end)
  }

  /// The node model on real sockets: every demo prints what it prints on
  /// the sim (where a resource's reply is a timer), its requests go out on
  /// real sockets read in the poll phase, main returns no earlier than on
  /// the sim's exact clock, and no fd is left open.
  @Test(arguments: demoNames)
  func everyDemoUnderNodeOnEpollPrintsWhatTheSimPrints(_ name: String) throws {
    let program = try CompiledProgram.compile(try #require(DemoCatalog.named(name)).sourceFile)
    let simLoop = program.makeNodeLoop(options: RuntimeOptions())
    simLoop.run()
    let sim = Self.nodeOutcome(simLoop.trace)
    let before = OpenFds.snapshot()
    var trace: Trace?
    let real = try RealTime.agreeing(with: sim.lines) { () throws(BackendError) in
      let loop = program.makeNodeLoop(options: RuntimeOptions(), backend: try EpollBackend())
      loop.run()
      trace = loop.trace
      return Self.nodeOutcome(loop.trace).lines
    }
    #expect(real == sim.lines)
    let epoll = try #require(trace)
    #expect(epoll.program.model == .node && epoll.program.backend == .epoll)
    if !program.resources.isEmpty {
      #expect(epoll.events.contains { if case .reactorReady = $0.payload { true } else { false } })
    }
    if let simEnd = sim.mainEndUs, let realEnd = Self.nodeOutcome(epoll).mainEndUs {
      #expect(
        realEnd >= simEnd - 1_000, "\(name): main returned at \(realEnd) us, before the exact \(simEnd)")
    }
    #expect(OpenFds.leaked(since: before).isEmpty, "\(name) left descriptors open")
  }
}
