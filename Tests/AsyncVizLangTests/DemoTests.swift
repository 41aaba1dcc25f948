import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

/// How each demo must end.
let expectedEnds: [String: EndReason] = [
  "db-then-service": .completed, "lazy-future": .completed, "join-concurrent": .completed,
  "many-requests": .completed, "timers": .completed, "select-timeout": .completed,
  "channel-pipeline": .completed, "spawn-vs-await": .completed, "blocking-the-executor": .completed,
  "lost-waker": .stuck, "self-wake": .completed,
]

@Test func theCatalogListsEveryDemoFileInTeachingOrder() {
  #expect(
    DemoCatalog.all.map(\.name) == [
      "db-then-service", "lazy-future", "join-concurrent", "many-requests", "timers", "select-timeout",
      "channel-pipeline", "spawn-vs-await", "blocking-the-executor", "lost-waker", "self-wake",
    ])
  #expect(Set(expectedEnds.keys) == Set(DemoCatalog.all.map(\.name)))
}

@Test(arguments: DemoCatalog.all.map(\.name))
func everyDemoIsEmbeddedCompilesCleanlyAndEndsAsExpected(_ name: String) throws {
  let demo = try #require(DemoCatalog.named(name))
  // Embedded bytes, not a file read: the source is the whole program with its opening comment.
  #expect(demo.source.hasPrefix("# "))
  #expect(demo.source.contains("async fn main()"))
  #expect(!demo.summary.isEmpty && !demo.summary.hasPrefix("#"))
  #expect(demo.source.hasPrefix("# " + demo.summary + "\n"))
  let program = try demoProgram(name)
  #expect(program.warnings.isEmpty, "\(program.warnings.map(\.rendered))")
  let (runtime, end) = runSim(program)
  #expect(end.reason == expectedEnds[name])
  #expect(runtime.trace.program.name == name)
  #expect(runtime.trace.program.source == demo.source)
  #expect(!runtime.trace.events("output").isEmpty)
}

@Test(arguments: DemoCatalog.all.map(\.name))
func twoRunsOfADemoGiveIdenticalTraces(_ name: String) throws {
  let program = try demoProgram(name)
  let first = runSim(program).0.trace
  let second = runSim(program).0.trace
  #expect(first.events == second.events)
  #expect(first == second)
}

@Test func demoNamesAreSuggestedForTypos() {
  #expect(DemoCatalog.closest(to: "db-then-servce") == "db-then-service")
  #expect(DemoCatalog.closest(to: "lost-wakr") == "lost-waker")
  #expect(DemoCatalog.closest(to: "join") == "join-concurrent")
  #expect(DemoCatalog.closest(to: "Timers") == "timers")
  #expect(DemoCatalog.closest(to: "quantum-chromodynamics") == nil)
  #expect(DemoCatalog.named("db-then-servce") == nil)
}

@Test func dbThenServiceTakesTheSumOfItsLatencies() throws {
  let program = try demoProgram("db-then-service")
  let (runtime, end) = runSim(program)
  #expect(end.tUs == program.resources.map(\.latencyUs).reduce(0, +))
  #expect(end.tUs == 65_000)
  let trace = runtime.trace
  let handler = try #require(trace.tasks.first { $0.name == "handler" }).id
  // The article's story for one handler, in order.
  let story = trace.events.compactMap { e -> String? in
    switch e.payload {
    case .pollEnd(handler, let result, let line, let awaiting):
      return "poll_end \(result.name) \(line) \(trace.string(awaiting))"
    case .register(handler, let fd, .read): return "register \(fd)"
    case .wake(handler, let by, let fd, _): return "wake \(by.name) \(fd ?? -1)"
    case .complete(handler): return "complete"
    default: return nil
    }
  }
  #expect(
    story == [
      "register 5", "poll_end pending 14 db.query", "wake reactor 5",
      "register 5", "poll_end pending 15 svc.call", "wake reactor 5",
      "poll_end ready 0 ", "complete",
    ])
}

@Test func joinConcurrentTakesTheLongerLatency() throws {
  let program = try demoProgram("join-concurrent")
  let (_, end) = runSim(program)
  #expect(end.tUs == program.resources.map(\.latencyUs).max())
}

@Test func manyRequestsServesAThousandTasksInOneLatency() throws {
  let program = try demoProgram("many-requests")
  let (runtime, end) = runSim(program)
  #expect(end.tUs == program.resources[0].latencyUs)
  #expect(runtime.trace.tasks.filter { $0.name == "handler" }.count == 1000)
  #expect(runtime.trace.events("register").count == 1000)
  // One blocking reactor wait reports all thousand fds ready. The others do
  // not block: tokio's event_interval turns, every 61 task polls while the
  // queue is still full (16 in each round of 1000 polls), and one before
  // block_on polls main again, once woken, when the queue has drained.
  var blocking = 0
  var everySixtyOne = 0
  var polls = 0
  for e in runtime.trace.events {
    if case .pollStart(let t) = e.payload, t != TaskID(1) { polls += 1 }
    guard case .reactorWait(let timeout) = e.payload else { continue }
    if timeout != 0 { blocking += 1 }
    if polls == 61 { everySixtyOne += 1 }
    polls = 0
  }
  #expect(blocking == 1)
  #expect(everySixtyOne == 32)
}
