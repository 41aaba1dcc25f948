import AsyncVizTestSupport
import Foundation
import Testing

/// `asyncviz demo db-then-service` in tmux, as a user switches models: m runs
/// the program again under node, threads, go and rust (each model's panels
/// and the header's name), c shows the compare table, whose cells must be
/// what `asyncviz compare db-then-service --format json` reports, and q gives
/// the terminal back. The table's screens are goldens.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct ModelSwitchEndToEndTests {
  /// `compare --format json`'s value of `key` for each model, by name.
  private func compared(_ key: String) throws -> [String: String] {
    let run = try TmuxSession.exec([TmuxSession.asyncviz, "compare", "db-then-service", "--format", "json"])
    #expect(run.status == 0, "\(run.output)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    var values: [String: String] = [:]
    for model in try #require(json["models"] as? [[String: Any]]) {
      let name = try #require(model["model"] as? String)
      values[name] = model[key].map { "\($0)" } ?? "?"
    }
    return values
  }

  /// The cells of the table row `label`, keyed by the model whose column
  /// they stand in (the column names' positions on the screen).
  private func row(_ label: String, in screen: String) throws -> [String: String] {
    let lines = screen.split(separator: "\n").map(String.init)
    let names = ["rust", "node", "threads", "go"]
    let heads = try #require(lines.first { line in names.allSatisfy { line.contains(" \($0)") } })
    let line = try #require(lines.first { $0.contains("│ \(label) ") }, "row \(label)")
    var cells: [String: String] = [:]
    let chars = Array(line)
    for name in names {
      // A column starts at its name, or at the mark before the shown model's.
      let named = try #require(heads.range(of: "▸ \(name)") ?? heads.range(of: " \(name)"))
      let start = heads.index(named.lowerBound, offsetBy: heads[named].hasPrefix("▸") ? 0 : 1)
      let column = heads.distance(from: heads.startIndex, to: start)
      let rest = String(chars[column...])
      cells[name] = rest.split(separator: " ").first.map(String.init)
    }
    return cells
  }

  @Test(arguments: [(100, 30), (160, 50)])
  func switchModelsThenCompare(size: (Int, Int)) throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let (width, height) = size
    let session = try TmuxSession(width: width, height: height)
    try session.launch("demo db-then-service")
    let rust = try session.waitForSettled("the rust panels") {
      $0.contains("Executor") && $0.contains("Reactor")
    }
    #expect(rust.contains("rust, backend sim") && rust.contains("m model") && rust.contains("c compare"))

    let panels = [
      ("node", ["JS thread", "Event loop"]), ("threads", ["CPUs", "Kernel"]),
      ("go", ["Ps (GOMAXPROCS 1)", "Scheduler"]),
    ]
    for (model, titles) in panels {
      try session.keys("m")
      let screen = try session.waitForSettled("the \(model) panels") { screen in
        screen.contains("\(model), backend sim") && titles.allSatisfy { screen.contains($0) }
      }
      #expect(screen.contains("Now under \(model)"), "the status line says what happened")
      #expect(screen.contains("step 0"), "the new run starts at step 0")
      #expect(!screen.contains("Executor"))
    }
    // One step of the go run, then compare: the table marks go's column.
    try session.keys("n")
    try session.waitFor("step 1") { $0.contains("step 1") }
    try session.keys("c")
    let table = try session.waitForSettled("the compare table") { $0.contains("c/Esc: close") }
    #expect(table.contains("▸ go") && !table.contains("▸ rust"))
    for (label, key) in [("steps", "steps"), ("context switches", "context_switches")] {
      let shown = try row(label, in: table)
      let expected = try compared(key)
      for model in ["rust", "node", "threads", "go"] {
        #expect(shown[model] == expected[model], "\(label) under \(model): \(shown) \(expected)")
      }
    }
    Golden.check(table, named: "e2e/compare-\(width)x\(height).txt")

    // m under the table: the rust run, and the mark moves with it.
    try session.keys("m")
    let back = try session.waitForSettled("rust under the table") { $0.contains("▸ rust") }
    #expect(back.contains("rust, backend sim") && !back.contains("▸ go"))
    try session.keys("Escape")
    try session.waitForSettled("the table closed") { $0.contains("Executor") && !$0.contains("c/Esc: close") }
    try session.quitCleanly()
  }

  /// At 80x24 the panels do not fit, but the compare table does: the resize
  /// screen offers it, c shows it, and the values are compare's.
  @Test func theTableShowsWhereThePanelsDoNotFit() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let session = try TmuxSession(width: 80, height: 24)
    try session.launch("demo db-then-service --model threads")
    try session.waitForSettled("the resize screen") { $0.contains("c shows the table") }
    try session.keys("c")
    let table = try session.waitForSettled("the compare table") { $0.contains("c/Esc: close") }
    #expect(table.contains("▸ threads"))
    let shown = try row("steps", in: table)
    #expect(shown == (try compared("steps")))
    Golden.check(table, named: "e2e/compare-80x24.txt")
    try session.keys("c")
    try session.waitForSettled("the resize screen again") { $0.contains("c shows the table") }
    try session.quitCleanly()
  }
}
