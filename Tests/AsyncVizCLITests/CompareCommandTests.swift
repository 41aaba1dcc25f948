import Foundation
import Testing

// `asyncviz compare`: every fact of the table is checked against the trace
// the same model writes with `export` (read back as plain JSON here, not
// through asyncviz's own reader), never against numbers written in the test.

/// The facts of an exported trace, computed from its JSON.
private struct TraceFacts {
  var steps: Int
  var endUs: Int
  var reason: String
  var lines: [String]
  var peakUnits: Int
  var contextSwitches: Int
  var mainEndUs: Int?

  init(file: URL) throws {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    let end = try #require(json["end"] as? [String: Any])
    steps = try #require(end["steps"] as? Int)
    endUs = try #require(end["t_us"] as? Int)
    reason = try #require(end["reason"] as? String)
    lines = []
    var alive = 0
    peakUnits = 0
    contextSwitches = 0
    for event in try #require(json["events"] as? [[String: Any]]) {
      switch event["kind"] as? String {
      case "output": lines.append(event["text"] as? String ?? "")
      case "spawn":
        alive += 1
        peakUnits = max(peakUnits, alive)
      case "complete":
        alive -= 1
        if event["task"] as? Int == 1, mainEndUs == nil { mainEndUs = event["t_us"] as? Int }
      case "task_drop": alive -= 1
      case "thread_run": contextSwitches += 1
      default: break
      }
    }
  }
}

@Test(arguments: ["join-concurrent", "select-timeout", "channel-pipeline", "lost-waker"])
func compareTellsWhatEachModelsTraceShows(demo: String) throws {
  let result = try CLIRunner.expectSuccess(["compare", demo, "--format", "json"])
  let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  let rows = try #require(json["models"] as? [[String: Any]])
  // Every model, rust first (a model added later joins the table without a change here).
  let models = rows.compactMap { $0["model"] as? String }
  #expect(models.first == "rust" && Set(["rust", "node", "threads"]).isSubset(of: Set(models)))
  let dir = try CLIRunner.temporaryDirectory()
  var firstLines: [String]?
  for row in rows {
    let model = try #require(row["model"] as? String)
    let file = dir.appendingPathComponent("\(model).json")
    let export = try CLIRunner.run(["export", demo, "--model", model, "-o", file.path])
    #expect(export.code == 0 || export.code == 1, "\(export.stderr)")
    let facts = try TraceFacts(file: file)
    #expect(row["steps"] as? Int == facts.steps, "\(demo) \(model)")
    #expect(row["end_us"] as? Int == facts.endUs, "\(demo) \(model)")
    #expect(row["end"] as? String == facts.reason, "\(demo) \(model)")
    #expect(row["lines"] as? [String] == facts.lines, "\(demo) \(model)")
    #expect(row["peak_units"] as? Int == facts.peakUnits, "\(demo) \(model)")
    #expect(row["context_switches"] as? Int == facts.contextSwitches, "\(demo) \(model)")
    #expect((row["main_end_us"] as? Int) == facts.mainEndUs, "\(demo) \(model)")
    let expected =
      firstLines.map {
        $0 == facts.lines ? "same" : $0.sorted() == facts.lines.sorted() ? "reordered" : "different"
      }
      ?? "same"
    #expect(row["output"] as? String == expected, "\(demo) \(model)")
    firstLines = firstLines ?? facts.lines
    if model == "threads" {
      #expect(row["os_threads"] as? Int == facts.peakUnits)
    } else if model == "rust" || model == "node" {
      #expect(row["os_threads"] as? Int == 1)
    }
  }
}

@Test func compareWorksForEveryDemoAndForAUserProgram() throws {
  let list = try CLIRunner.run(["list"])
  let demos = list.stdout.split(separator: "\n").compactMap {
    $0.split(separator: " ").first.map(String.init)
  }
  .filter { !$0.isEmpty && $0.contains("-") }
  #expect(demos.count >= 10)
  for demo in demos {
    let result = try CLIRunner.run(["compare", demo])
    #expect(result.code == 0, "\(demo): \(result.stderr)")
    #expect(result.stdout.contains("context switches"), "\(demo)")
  }
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("mine.av")
  try """
  async fn main() {
      let a = spawn worker("a")
      await sleep(5ms)
      print("main done")
      await a
  }
  async fn worker(name) {
      await sleep(10ms)
      print("{name} done")
  }
  """.write(to: file, atomically: true, encoding: .utf8)
  let mine = try CLIRunner.expectSuccess(["compare", file.path, "--models", "threads,rust"])
  let header = mine.stdout.split(separator: "\n").dropFirst(1).first.map(String.init) ?? ""
  #expect(header.split(separator: " ") == ["threads", "rust"])
  try CLIRunner.expectRefusal(
    ["compare", "timers", "--models", "rust,erlang"], saying: "unknown model 'erlang'")
}
