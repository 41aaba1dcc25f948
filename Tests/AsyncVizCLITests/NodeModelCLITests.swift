import Foundation
import Testing

// `--model node` from the command line: the acceptance check of the node
// model, its export and replay (its real sockets and the refusal of an
// unknown model are in ModelOptionCLITests).

@Test func lazyFutureUnderNodeStartsTheQueryAtOnceAndEndsEarlier() throws {
  let out = try modelTranscript("lazy-future", model: "node")
  let started = try #require(out.range(of: ">>> #2 lookup prints: lookup(ada) starts running now"))
  let made = try #require(out.range(of: ">>> #1 main prints: made the lookup; not awaiting it yet"))
  #expect(started.lowerBound < made.lowerBound, "the call ran lookup's body before main went on")
  let armed = out.split(separator: "\n").first { $0.contains("#2 lookup makes a resource call") } ?? ""
  #expect(armed.contains("the callback is due at 30.000 ms"), "\(armed)")
  #expect(out.contains("main returns at 50.000 ms under node; under rust at 80.000 ms."))
  // Under rust the same demo starts the query when it is first awaited, at 50 ms.
  let rust = try CLIRunner.run(["demo", "lazy-future", "--plain"])
  #expect(rust.stdout.contains("total time: 80.000 ms"))
  #expect(!rust.stdout.contains("model: node"))
}

@Test func aNodeTraceExportsAndReplaysAsItRan() throws {
  let export = try checkModelExport(
    "select-timeout", model: "node",
    kinds: ["phase", "microtask_queue", "microtask_run", "call_push", "call_pop"])
  #expect(export.json["version"] as? Int == 2)
}
