import Foundation
import Testing

// `--model threads` from the command line: the transcript, export and
// replay of a threads trace (its epoll run and `--cpus` are in
// ModelOptionCLITests).

@Test func blockingTheExecutorUnderThreadsBlocksOnlyTheBlocker() throws {
  let out = try modelTranscript("blocking-the-executor", model: "threads")
  #expect(out.contains("context switches"))
  // The ticker ticks while the blocker's thread sleeps in its blocking call.
  let between = try out.between(
    ">>> #3 blocker prints: blocking the thread for 100 ms", and: ">>> #3 blocker prints: unblocked")
  #expect(between.contains(">>> #2 ticker prints: tick"))
  #expect(out.contains("compared with rust"))
}

@Test func aThreadsTraceExportsAndReplaysAsItRan() throws {
  _ = try checkModelExport(
    "join-concurrent", model: "threads", kinds: ["thread_run", "thread_stop", "thread_ready"])
}
