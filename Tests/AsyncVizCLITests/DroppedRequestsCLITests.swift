import AsyncVizTestPrograms
import Foundation
import Testing

// A dropped request closes both ends of its connection at once, so a run
// that drops more requests than the process may have open descriptors (a
// limit of 64 here; 200 drops, each to a resource 10 s slow) completes:
// were the remote ends kept until their answers fell due, the 30th or so
// socketpair would fail with EMFILE and the run would end in an error.

private let droppingMany = SharedSources.requestDroppers(
  timeouts: 200, selects: 100, joins: 50, joinTimeoutMs: 1)

@Test(arguments: droppingMany.map { $0.name })
func droppingMoreRequestsThanTheFdLimitCompletes(_ name: String) throws {
  let source = try #require(droppingMany.first { $0.name == name }).source
  let file = try CLIRunner.program(source, named: "drops.av").file
  let r = try CLIRunner.run(["run", file.path, "--backend", "epoll", "--plain"], openFileLimit: 64)
  #expect(r.code == 0, "\(r.stderr)")
  #expect(!r.stderr.contains("Too many open files"), "\(r.stderr)")
  #expect(r.stdout.contains("done"))
}
