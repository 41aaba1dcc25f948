import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

@testable import AsyncVizPosix

extension EpollTests {
  /// Programs that drop many requests to a resource far slower than the
  /// run: timeout losers, select losers, a join dropped whole, tasks dropped
  /// when main returns. Each remote end must close when its request is
  /// dropped, not 10 s later when the answer would fall due.
  static let droppingPrograms: [(name: String, source: String)] =
    SharedSources.requestDroppers(timeouts: 40, selects: 20, joins: 5, joinTimeoutMs: 2) + [
      (
        "concurrent timeouts",
        "resource slow latency 10s\nasync fn q(i) {\n    let r = await timeout(3ms, slow.get(i))\n}\n"
          + "async fn main() {\n    let a = spawn q(1)\n    let b = spawn q(2)\n    let c = spawn q(3)\n"
          + "    await a\n    await b\n    await c\n    print(\"done\")\n}\n"
      ),
      (
        "tasks dropped when main returns",
        "resource slow latency 10s\nasync fn q(i) {\n    let r = await slow.get(i)\n}\n"
          + "async fn main() {\n    for i in 0..20 {\n        spawn q(i)\n    }\n    await sleep(2ms)\n"
          + "    print(\"done\")\n}\n"
      ),
    ]

  @Test(arguments: droppingPrograms.map { $0.name })
  func aDroppedRequestClosesBothEndsAtOnce(_ name: String) throws {
    let source = try #require(Self.droppingPrograms.first { $0.name == name }).source
    let before = OpenFds.snapshot()
    let probe = try ClosingProbe()
    let trace = try Self.runProgram(name, source, on: probe)
    #expect(trace.end?.reason == .completed)
    let printed = trace.events.compactMap { e in
      if case .output(_, let text) = e.payload { trace.string(text) } else { nil }
    }
    #expect(printed.contains("done"))
    #expect(probe.excess == nil, "\(probe.excess.map(String.init(describing:)) ?? "")")
    #expect(probe.closesChecked >= 3)
    #expect(probe.inner.openPeerConnections == 0)
    // The run did not wait for any dropped answer.
    #expect((trace.end?.tUs ?? .max) < 5_000_000)
    #expect(OpenFds.leaked(since: before).isEmpty)
  }
}
