import Foundation
import Testing

// A dropped request closes both ends of its connection at once, so a run
// that drops more requests than the process may have open descriptors (a
// limit of 64 here; 200 drops, each to a resource 10 s slow) completes:
// were the remote ends kept until their answers fell due, the 30th or so
// socketpair would fail with EMFILE and the run would end in an error.

private let droppingMany: [(name: String, source: String)] = [
  (
    "timeout losers",
    "resource slow latency 10s\nasync fn main() {\n    for i in 0..200 {\n"
      + "        let r = await timeout(1ms, slow.get(i))\n    }\n    print(\"done\")\n}\n"
  ),
  (
    "select losers",
    "resource slow latency 10s\nresource fast latency 1ms\nasync fn main() {\n    for i in 0..100 {\n"
      + "        let r = await select(fast.get(i), slow.get(i), slow.put(i))\n    }\n    print(\"done\")\n}\n"
  ),
  (
    "joins dropped by timeouts",
    "resource slow latency 10s\nasync fn main() {\n    for i in 0..50 {\n"
      + "        let r = await timeout(1ms, join(slow.a(i), slow.b(i), slow.c(i), slow.d(i)))\n"
      + "    }\n    print(\"done\")\n}\n"
  ),
]

@Test(arguments: droppingMany.map { $0.name })
func droppingMoreRequestsThanTheFdLimitCompletes(_ name: String) throws {
  let source = try #require(droppingMany.first { $0.name == name }).source
  let file = try CLIRunner.program(source, named: "drops.av").file
  let r = try CLIRunner.run(["run", file.path, "--backend", "epoll", "--plain"], openFileLimit: 64)
  #expect(r.code == 0, "\(r.stderr)")
  #expect(!r.stderr.contains("Too many open files"), "\(r.stderr)")
  #expect(r.stdout.contains("done"))
}
