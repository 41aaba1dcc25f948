import AsyncVizRuntime
import AsyncVizTrace

/// Native programs that exercise every event kind, run on the sim backend.
/// They stand in for the .av demos, which live in another module.
enum Workloads {
  static let db = ResourceSpec(name: "db", latencyUs: 40_000)
  static let svc = ResourceSpec(name: "svc", latencyUs: 25_000)
  static let slow = ResourceSpec(name: "slow", latencyUs: 90_000)

  /// Every workload's name.
  static let names = [
    "db-then-service", "join-concurrent", "timers", "select-timeout", "channel-pipeline",
    "yields", "blocking", "lost-waker", "self-wake", "max-steps", "many-requests",
  ]

  /// Runs the named workload and returns its trace.
  static func trace(_ name: String) -> Trace {
    let (ops, options) = program(name)
    let rt = Runtime(
      program: ProgramInfo(name: name, source: "# native workload \(name)\n", backend: .sim),
      options: options)
    rt.blockOn("main", Script(ops))
    rt.run()
    return rt.trace
  }

  /// All workloads' traces, by name.
  static func all() -> [(name: String, trace: Trace)] { names.map { ($0, trace($0)) } }

  private static func handler(_ id: Int) -> [Op] {
    [
      .call(db, "query", "SELECT * FROM users WHERE id = \(id)"), .call(svc, "call", "rows"),
      .print("handled \(id)"),
    ]
  }

  // swift-format-ignore: FunctionLength
  private static func program(_ name: String) -> ([Op], RuntimeOptions) {
    switch name {
    case "db-then-service":
      return ([.spawn("handler", handler(1)), .joinSpawned, .print("done")], .init())
    case "join-concurrent":
      return ([.join([.call(db, "query", "a"), .call(svc, "call", "b")]), .print("both answered")], .init())
    case "timers":
      return (
        [
          .spawn("sleeper", [.sleep(5_000), .print("slept 5 ms")]),
          .spawn("sleeper", [.sleep(5_000), .print("slept 5 ms too")]),
          .spawn("sleeper", [.sleep(1_500), .print("slept 1.5 ms")]), .joinSpawned,
        ], .init()
      )
    case "select-timeout":
      return (
        [
          .timeout(10_000, .call(slow, "fetch", "x")), .print("timed out"),
          .select([.sleep(50_000), .call(svc, "call", "y")]), .print("svc won"),
          .sleep(1_000),
        ], .init()
      )
    case "channel-pipeline":
      let jobs = Channel<Int>(name: "jobs", capacity: 2)
      let produce: [Op] = (1...5).map { .send(jobs, $0) } + [.print("sent 5")]
      let consume: [Op] = (1...5).flatMap { _ in [Op.recv(jobs), .work(1_000)] } + [.print("got 5")]
      return ([.spawn("producer", produce), .spawn("consumer", consume), .joinSpawned], .init())
    case "yields":
      return (
        (1...3).map { .spawn("yielder", [.yieldNow, .yieldNow, .print("yielded \($0)")]) } + [.joinSpawned],
        .init()
      )
    case "blocking":
      return (
        [
          .spawn("blocker", [.block(100_000), .print("unblocked")]), .spawn("ticker", [.sleep(1_000)]),
          .joinSpawned,
        ],
        .init()
      )
    case "lost-waker":
      return ([.spawn("lost", [.lostWaker]), .joinSpawned], .init())
    case "self-wake":
      return ([.selfWake(4), .print("woke myself 4 times")], .init())
    case "max-steps":
      return ([.spin], .init(maxSteps: 30))
    case "many-requests":
      return ((1...50).map { .spawn("handler", handler($0)) } + [.joinSpawned], .init())
    default:
      preconditionFailure("unknown workload \(name)")
    }
  }
}
