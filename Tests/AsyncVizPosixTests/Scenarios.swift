import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace

/// Native programs run on both backends. Latencies are small (real time on
/// epoll) but at least 10 ms apart, so that a busy machine that runs a thread
/// a few ms late does not merge two events of one task.
enum Scenarios {
  static let db = ResourceSpec(name: "db", latencyUs: 25_000)
  static let svc = ResourceSpec(name: "svc", latencyUs: 10_000)
  static let slow = ResourceSpec(name: "slow", latencyUs: 40_000)

  /// The article's handler: a query, then a service call with its rows.
  static var handler: [Step] { [.call(db, op: "query"), .call(svc, op: "call"), .print("handled: ")] }

  /// The names of `all`, for parameterized tests.
  static let names = all.map(\.name)

  /// Named scenarios: each is the root task's steps. Computed, so every run
  /// gets fresh channels.
  static var all: [(name: String, steps: [Step])] {
    [
      ("db-then-service", [.spawn("handler", handler), .awaitSpawned]),
      (
        "many-handlers", [.spawn("h1", handler), .spawn("h2", handler), .spawn("h3", handler), .awaitSpawned]
      ),
      ("join-equal-latencies", [.join([db, db, svc]), .print("joined: ")]),
      ("timeout-drops-the-call", [.timeout(10_000, slow), .print("result: "), .call(svc, op: "after")]),
      (
        "timers-and-yields",
        [
          .spawn("late", [.sleep(25_000), .print("late: ")]),
          .spawn("early", [.sleep(5_000), .yieldNow, .print("early: ")]),
          .yieldNow, .awaitSpawned, .print("main: "),
        ]
      ),
      (
        "blocking-and-work",
        [.spawn("blocker", [.block(3_000), .work(14_000)]), .call(db, op: "q"), .awaitSpawned]
      ),
      (
        "channel-pipeline",
        {
          let jobs = Channel<String>(name: "jobs", capacity: 1)
          return [
            .spawn("producer", [.call(db, op: "a"), .send(jobs), .call(svc, op: "b"), .send(jobs)]),
            .spawn("consumer", [.recv(jobs), .print("got: "), .recv(jobs), .print("got: ")]),
            .awaitSpawned,
          ]
        }()
      ),
    ]
  }

  /// Runs `steps` as the root task on `backend` and returns the trace.
  static func run(_ name: String, _ steps: [Step], on backend: any ReactorBackend) -> Trace {
    let rt = Runtime(program: ProgramInfo(name: name, source: "", backend: backend.kind), backend: backend)
    rt.blockOn("main", Script(steps))
    rt.run()
    return rt.trace
  }
}

extension Scenarios {
  /// A fresh copy of the named scenario's steps (fresh channels).
  static func steps(of name: String) -> [Step] { all.first { $0.name == name }?.steps ?? [] }
}
