import Foundation
import Testing

// `--model go` from the command line: the acceptance check of the go model
// (the ticker ticks on time while the blocker blocks), its export and
// replay, the Chrome export's P and M lanes (`--procs` is in
// ModelOptionCLITests).

@Test func blockingTheExecutorUnderGoKeepsTheTickerOnTime() throws {
  let out = try modelTranscript("blocking-the-executor", model: "go")
  // The ticks due at 20, 30 and 40 ms are printed while the blocker is blocked (15 to 115 ms).
  let during = try out.between(
    ">>> #3 blocker prints: blocking the thread for 100 ms", and: ">>> #3 blocker prints: unblocked")
  #expect(during.components(separatedBy: ">>> #2 ticker prints: tick").count - 1 == 3)
  #expect(during.contains("step 14   t = 20.000 ms"))
  #expect(
    out.contains(
      "hands it to M1 (a new thread): block(100 ms) of #3 blocker does not stop the other goroutines, the P was "
        + "handed to another thread (under rust, every task would wait 100 ms)."))
  #expect(out.contains("threads (Ms): 2 (1 made by the runtime when sysmon handed a P off"))
  #expect(out.contains("main returns at 115.000 ms under go; under rust at 135.000 ms."))
}

@Test func aGoTraceExportsAndReplaysAsItRan() throws {
  let export = try checkModelExport(
    "blocking-the-executor", model: "go",
    kinds: ["go_runq_put", "go_execute", "go_park", "go_syscall", "go_handoff", "go_idle"])
  #expect(export.lanes.contains("P0"))
  #expect(export.lanes.contains("M0 (thread)") && export.lanes.contains("M1 (thread)"))
}
