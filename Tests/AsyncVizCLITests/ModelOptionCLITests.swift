import Foundation
import Testing

// The options that choose a runtime model and how it runs: each accepted
// choice prints what only that run can print, and each bad one is exit 2
// with a message that names the option (checked before anything runs).

@Test(arguments: [
  // --procs 2 gives the go model a second P, run by a thread of its own.
  (["demo", "db-then-service", "--model", "go", "--procs", "2", "--plain"], ["P1 (thread M1) runs"]),
  // The threads model's epoll backend is its real run, on real pthreads.
  (
    ["demo", "timers", "--model", "threads", "--backend", "epoll", "--plain"],
    ["real pthreads alive at the peak"]
  ),
  // The node model on real sockets: libuv's poll phase reads the reply.
  (
    ["demo", "lazy-future", "--model", "node", "--backend", "epoll", "--plain"],
    [
      "#2 lookup sends its db.query request on a new socket",
      "readable: its callback, a macrotask of the poll phase, reads the reply",
    ]
  ),
])
func aModelOptionRunsAsChosen(arguments: [String], prints lines: [String]) throws {
  let run = try CLIRunner.expectSuccess(arguments)
  for line in lines { #expect(run.stdout.contains(line), "\(arguments): \(line)") }
}

@Test(arguments: [
  (["demo", "timers", "--model", "go", "--procs", "0", "--plain"], "--procs must be from 1 to 8"),
  (["demo", "timers", "--procs", "2", "--plain"], "--procs is for --model go"),
  (["demo", "timers", "--cpus", "4", "--plain"], "--cpus is for --model threads"),
  (["run", "x.av", "--model", "go", "--cpus", "4"], "--cpus is for --model threads"),
  (["export", "timers", "-o", "t.json", "--model", "node", "--cpus", "4"], "--cpus is for --model threads"),
  (["demo", "timers", "--model", "threads", "--cpus", "0", "--plain"], "--cpus"),
  (["demo", "timers", "--model", "erlang", "--plain"], "--model"),
])
func aBadModelOptionIsRefusedByName(arguments: [String], message: String) throws {
  try CLIRunner.expectRefusal(arguments, saying: message)
}
