import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Testing

extension EpollTests {
  /// db-then-service with latencies of 0.2 and 0.1 ms, so 1,000 runs take
  /// well under a second of real time.
  static var quickHandler: [Step] {
    [
      .spawn(
        "handler",
        [
          .call(ResourceSpec(name: "db", latencyUs: 200), op: "query"),
          .call(ResourceSpec(name: "svc", latencyUs: 100), op: "call"), .print("handled: "),
        ]),
      .awaitSpawned,
    ]
  }

  @Test func aThousandRunsLeakNoFd() throws {
    let before = OpenFds.snapshot()
    let countBefore = OpenFds.count()
    var completed = 0
    var outputs = Set<String>()
    for _ in 0..<1_000 {
      let trace = Scenarios.run("db-then-service", Self.quickHandler, on: try EpollBackend())
      if trace.end?.reason == .completed { completed += 1 }
      for e in trace.events {
        if case .output(_, let text) = e.payload { outputs.insert(trace.string(text)) }
      }
    }
    #expect(completed == 1_000)
    #expect(outputs == ["handled: svc.call(db.query(start))"])
    let leaked = OpenFds.leaked(since: before)
    #expect(leaked.isEmpty, "still open after 1,000 runs: \(leaked)")
    // All kinds: nothing of ours is left, so the total is back where it was
    // (give or take what tests of other targets hold at this moment).
    #expect(OpenFds.count() <= countBefore + 2)
  }

  @Test func aRunEndedEarlyClosesPendingConnections() throws {
    let before = OpenFds.snapshot()
    do {
      // The timeout drops the call; the run ends while the peer still holds
      // its end, waiting to answer. Shutdown must close both ends.
      let backend = try EpollBackend()
      let slow = ResourceSpec(name: "slow", latencyUs: 5_000_000)
      let trace = Scenarios.run("timeout", [.timeout(1_000, slow), .print("r: ")], on: backend)
      #expect(trace.end?.reason == .completed)
      #expect(trace.events.contains { if case .output = $0.payload { true } else { false } })
    }
    #expect(OpenFds.leaked(since: before).isEmpty)
  }

  @Test func shutdownTwiceAndCallsAfterItFailCleanly() throws {
    let backend = try EpollBackend()
    backend.shutdown()
    backend.shutdown()
    guard case .failure(let error) = backend.connect(resource: Scenarios.db, op: "q", argument: "") else {
      Issue.record("connect after shutdown succeeded")
      return
    }
    #expect(error.message.contains("shut down"))
    #expect(backend.wait(timeoutUs: 0).isEmpty)
  }
}
