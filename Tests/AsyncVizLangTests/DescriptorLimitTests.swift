import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

// A request the runtime cannot even make (the process is out of file
// descriptors: socketpair fails with EMFILE) is a run-time error the user
// sees (an error line, reason "error", exit 1), not an answer the program
// gets as a value. A server that hangs up, by contrast, is an answer.
// (By hand: `prlimit --nofile=40:40 asyncviz run f.av --backend epoll` on a
// program with 100 concurrent requests shows the same on the real kernel.)

/// The sim backend, except that connecting fails after `allowed` connections.
private final class ExhaustedBackend: SimBackendWrapper {
  let inner = SimBackend()
  var allowed: Int
  init(allowed: Int) { self.allowed = allowed }
  func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    guard allowed > 0 else { return .failure(BackendError("socketpair: Too many open files (errno 24)")) }
    allowed -= 1
    return inner.connect(resource: resource, op: op, argument: argument)
  }
}

private let fdHungry: [(name: String, source: String)] = [
  (
    "spawned requests",
    "resource db latency 100ms\nasync fn q(i) {\n    let r = await db.query(i)\n    print(r)\n}\n"
      + "async fn main() {\n    for i in 0..100 {\n        spawn q(i)\n    }\n    await sleep(1s)\n}\n"
  ),
  (
    "a join of requests",
    "resource db latency 100ms\nasync fn main() {\n    let r = await join("
      + (0..<60).map { "db.query(\($0))" }.joined(separator: ", ") + ")\n    print(\"joined\")\n}\n"
  ),
  (
    "a select of requests",
    "resource db latency 100ms\nasync fn main() {\n    let r = await select("
      + (0..<60).map { "db.query(\($0))" }.joined(separator: ", ") + ")\n    print(\"selected\")\n}\n"
  ),
  (
    "a spawned join",
    "resource db latency 100ms\nasync fn main() {\n    let h = spawn join("
      + (0..<60).map { "db.query(\($0))" }.joined(separator: ", ") + ")\n    await h\n}\n"
  ),
]

@Test(arguments: fdHungry.map(\.name))
func runningOutOfDescriptorsIsARunTimeError(name: String) throws {
  let c = try #require(fdHungry.first { $0.name == name })
  let program = try compile(c.source)
  let runtime = program.makeRuntime(backend: ExhaustedBackend(allowed: 20), options: RuntimeOptions())
  let end = runtime.run()
  #expect(end.reason == .error)
  let printed = runtime.trace.printedText
  #expect(printed.contains { $0.contains("db.query could not be sent: socketpair: Too many open files") })
  // The failure is never handed to the program as a value it could print.
  #expect(
    !printed.contains { $0.hasPrefix("error: socketpair") || $0.hasPrefix("[") && $0.contains("socketpair") })
  #expect(printed.filter { $0.hasPrefix("error: ") }.count <= 101)
}
