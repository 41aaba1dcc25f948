import Foundation
import Testing

// `--model threads` from the command line: the transcript, export and
// replay of a threads trace, and the refusals.

@Test func blockingTheExecutorUnderThreadsBlocksOnlyTheBlocker() throws {
  let result = try CLIRunner.run(["demo", "blocking-the-executor", "--model", "threads", "--plain"])
  #expect(result.code == 0, "\(result.stderr)")
  let out = result.stdout
  #expect(out.contains("model: threads"))
  #expect(out.contains("context switches"))
  // The ticker ticks while the blocker's thread sleeps in its blocking call.
  let blocking = try #require(out.range(of: ">>> #3 blocker prints: blocking the thread for 100 ms"))
  let unblocked = try #require(out.range(of: ">>> #3 blocker prints: unblocked"))
  let between = out[blocking.upperBound..<unblocked.lowerBound]
  #expect(between.contains(">>> #2 ticker prints: tick"))
  #expect(out.contains("compared with rust"))
}

@Test func aThreadsTraceExportsAndReplaysAsItRan() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("threads.json")
  let export = try CLIRunner.run(["export", "join-concurrent", "--model", "threads", "-o", file.path])
  #expect(export.code == 0, "\(export.stderr)")
  let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
  #expect((json["program"] as? [String: Any])?["model"] as? String == "threads")
  let kinds = Set((json["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
  #expect(kinds.isSuperset(of: ["thread_run", "thread_stop", "thread_ready"]))
  let replay = try CLIRunner.run(["replay", file.path, "--plain"])
  let demo = try CLIRunner.run(["demo", "join-concurrent", "--model", "threads", "--plain"])
  #expect(replay.code == 0, "\(replay.stderr)")
  #expect(demo.stdout.hasPrefix(replay.stdout))
  let chrome = dir.appendingPathComponent("threads.chrome.json")
  let perfetto = try CLIRunner.run([
    "export", "join-concurrent", "--model", "threads", "--format", "chrome", "-o", chrome.path,
  ])
  #expect(perfetto.code == 0, "\(perfetto.stderr)")
  let events = try JSONSerialization.jsonObject(with: Data(contentsOf: chrome)) as? [String: Any]
  #expect((events?["traceEvents"] as? [Any])?.isEmpty == false)
}

@Test func theThreadsModelRefusesWhatItCannotRun() throws {
  let epoll = try CLIRunner.run(["demo", "timers", "--model", "threads", "--backend", "epoll", "--plain"])
  #expect(epoll.code == 2)
  #expect(epoll.stderr.contains("--model threads runs on the sim backend only"))
  let cpus = try CLIRunner.run(["demo", "timers", "--model", "threads", "--cpus", "0", "--plain"])
  #expect(cpus.code == 2)
  #expect(cpus.stderr.contains("--cpus"))
}
