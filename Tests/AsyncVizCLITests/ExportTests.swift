import Foundation
import Testing

/// Reads an exported trace with Foundation, independently of asyncviz's reader.
private func load(_ url: URL) throws -> [String: Any] {
  let data = try Data(contentsOf: url)
  return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

private func events(_ trace: [String: Any]) -> [[String: Any]] {
  trace["events"] as? [[String: Any]] ?? []
}

@Test(arguments: demoNames)
func exportIsDeterministicAndValid(name: String) throws {
  let dir = try CLIRunner.temporaryDirectory()
  let a = dir.appendingPathComponent("a.json")
  let b = dir.appendingPathComponent("b.json")
  let first = try CLIRunner.run(["export", name, "-o", a.path])
  let second = try CLIRunner.run(["export", name, "-o", b.path])
  #expect(first.code == second.code)
  #expect([0, 1].contains(first.code), "\(first.stderr)")
  #expect(try Data(contentsOf: a) == Data(contentsOf: b), "two runs of \(name) differ")
  let trace = try load(a)
  #expect(trace["format"] as? String == "asyncviz-trace")
  #expect(trace["version"] as? Int == 2)
  #expect((trace["program"] as? [String: Any])?["model"] as? String == "rust")
  let seqs = events(trace).compactMap { $0["seq"] as? Int }
  #expect(seqs == Array(0..<seqs.count))
  #expect(events(trace).allSatisfy { ($0["note"] as? String)?.isEmpty == false })
}

@Test func dbThenServiceTakesTheSumAndJoinTheMax() throws {
  let dir = try CLIRunner.temporaryDirectory()
  for (name, expected) in [("db-then-service", 65_000), ("join-concurrent", 40_000)] {
    let out = dir.appendingPathComponent("\(name).json")
    #expect(try CLIRunner.run(["export", name, "-o", out.path]).code == 0)
    let end = try #require(try load(out)["end"] as? [String: Any])
    #expect(end["reason"] as? String == "completed")
    #expect(end["t_us"] as? Int == expected, "\(name)")
  }
}

@Test func theHandlerFollowsTheArticlesStory() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("t.json")
  #expect(try CLIRunner.run(["export", "db-then-service", "-o", out.path]).code == 0)
  let trace = try load(out)
  let tasks = trace["tasks"] as? [[String: Any]] ?? []
  let handler = try #require(tasks.first { $0["name"] as? String == "handler" }?["id"] as? Int)
  // The handler's own story; a wake by the reactor must follow a wait that
  // reported the fd the handler registered.
  var story: [String] = []
  var registered: Int?
  var readyFds: Set<Int> = []
  for e in events(trace) {
    let kind = e["kind"] as? String ?? ""
    if kind == "reactor_ready", let fd = e["fd"] as? Int { readyFds.insert(fd) }
    guard e["task"] as? Int == handler else { continue }
    switch kind {
    case "poll_start": story.append("poll")
    case "poll_end": story.append("\(e["result"] as? String ?? ""):\(e["awaiting"] as? String ?? "-")")
    case "register":
      registered = e["fd"] as? Int
      story.append("register:\(e["interest"] as? String ?? "")")
    case "wake":
      let fdWasReady = registered.map { readyFds.contains($0) } ?? false
      story.append("wake:\(e["by"] as? String ?? "")\(fdWasReady ? "+ready" : "")")
      readyFds.removeAll()
    case "complete": story.append("complete")
    default: break
    }
  }
  #expect(
    story == [
      "poll", "register:read", "pending:db.query", "wake:reactor+ready", "poll", "register:read",
      "pending:svc.call", "wake:reactor+ready", "poll", "ready:-", "complete",
    ], "\(story)")
}

@Test func chromeExportIsAnEventList() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let out = dir.appendingPathComponent("c.json")
  try CLIRunner.expectSuccess(["export", "db-then-service", "--format", "chrome", "-o", out.path])
  let trace = try load(out)
  let list = try #require(trace["traceEvents"] as? [[String: Any]])
  #expect(list.contains { $0["ph"] as? String == "X" })
  #expect(list.contains { $0["name"] as? String == "thread_name" })
}

@Test func exportToAMissingFolderIsExitTwo() throws {
  try CLIRunner.expectRefusal(
    ["export", "timers", "-o", "/nonexistent-dir/t.json"], saying: "/nonexistent-dir/t.json")
}
