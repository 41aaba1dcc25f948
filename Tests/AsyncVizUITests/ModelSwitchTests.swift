import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

// The models' keys: m and M ask the main loop for a run under another model,
// c for the compare table; the model says why not when there is no program
// to run. Key -> action -> effect, then the overlay as text.

/// A compare table of db-then-service from the four models' own traces (the
/// command line words its cells the same way; the rows here are a few of its facts).
private func dbThenServiceTable() -> CompareTable {
  let traces = RuntimeModel.allCases.map { model -> Trace in
    switch model {
    case .rust: DemoTraces.trace(named: "db-then-service")
    case .node: DemoTraces.nodeTrace(named: "db-then-service")
    case .threads: DemoTraces.threadsTrace(named: "db-then-service")
    case .go: DemoTraces.goTrace(named: "db-then-service")
    }
  }
  let facts = traces.map { ModelFacts(of: $0) }
  return CompareTable(
    title: "db-then-service (sim backend, virtual time; threads on 2 CPUs)", models: facts.map(\.model),
    rows: [
      .init(label: "end", cells: facts.map(\.end.name)),
      .init(label: "steps", cells: facts.map { "\($0.steps)" }),
      .init(label: "peak concurrent units", cells: facts.map { "\($0.peakUnits) units at once" }),
      .init(label: "OS threads", cells: facts.map { $0.osThreads.map(String.init) ?? "-" }),
      .init(label: "context switches", cells: facts.map { "\($0.contextSwitches)" }),
      .init(label: "runs / wakes", cells: facts.map { "\($0.polls) / \($0.wakes)" }),
    ],
    summary: "Every model prints the same lines; the threads model needs "
      + "\(facts.first { $0.model == .threads }?.osThreads ?? 0) OS threads where rust needs one, "
      + "and its kernel switches between them.")
}

private func action(_ key: InputKey, _ mode: ViewerMode = .paused, fits: Bool = true) -> ViewerAction? {
  KeyMap.action(for: key, in: mode, fits: fits)
}

@Test func modelKeysAskForTheNextModelInTheCompareTablesOrder() throws {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var m = ViewerModel(feed: feed)
  m.access = .rerun
  let next = try #require(action(.character("m")))
  #expect(next == .nextModel)
  #expect(m.handle(next, feed: feed) == .switchModel(.node))
  // M goes back, and wraps from the first model to the last.
  #expect(m.handle(try #require(action(.character("M"))), feed: feed) == .switchModel(.go))
  // The go run's model goes on to rust.
  let go = SavedTraceFeed(trace: DemoTraces.goTrace(named: "db-then-service"))
  var g = ViewerModel(feed: go)
  g.access = .rerun
  #expect(g.handle(.nextModel, feed: go) == .switchModel(.rust))
}

@Test func modelKeysSayWhyTheyCannotSwitch() {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var replay = ViewerModel(feed: feed)
  #expect(replay.access == .traceOnly)
  #expect(replay.handle(.nextModel, feed: feed) == .none)
  #expect(replay.message?.contains("recorded trace, with no program to run again") == true)
  #expect(replay.handle(.toggleCompare, feed: feed) == .none)
  #expect(replay.message?.contains("asyncviz compare") == true)
  #expect(replay.mode == .paused)

  var real = ViewerModel(feed: feed)
  real.access = .compareOnly(switchRefusal: "this is rust's real run")
  #expect(real.handle(.previousModel, feed: feed) == .none)
  #expect(real.message == "this is rust's real run")
  // The table (run on the sim backend) is still offered.
  #expect(real.handle(.toggleCompare, feed: feed) == .loadComparison)
}

@Test func theCompareTableIsLoadedOnceThenToggled() {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var m = ViewerModel(feed: feed)
  m.access = .rerun
  _ = m.handle(.togglePlay, feed: feed)
  #expect(m.handle(.toggleCompare, feed: feed) == .loadComparison)
  #expect(m.mode == .playing, "nothing shows until the table is there")
  m.showComparison(.success(dbThenServiceTable()))
  #expect(m.mode == .compare(resumePlaying: true))
  _ = m.handle(.tick, feed: feed)
  #expect(m.step == 0, "play is suspended under the table")
  #expect(m.handle(.toggleCompare, feed: feed) == .none)
  #expect(m.mode == .playing)
  // The second c shows the kept table: no second computation.
  _ = m.handle(.togglePlay, feed: feed)
  #expect(m.handle(.toggleCompare, feed: feed) == .none)
  #expect(m.mode == .compare(resumePlaying: false))

  var failed = ViewerModel(feed: feed)
  failed.access = .rerun
  failed.showComparison(.failure(ModelRunFailure("too many tasks")))
  #expect(failed.mode == .paused && failed.message == "Cannot compare the models: too many tasks")
}

@Test func underTheTableKeysCloseScrollSwitchOrQuit() {
  let shown = ViewerMode.compare(resumePlaying: false)
  #expect(action(.character("c"), shown) == .toggleCompare)
  #expect(action(.escape, shown) == .toggleCompare)
  #expect(action(.character("m"), shown) == .nextModel)
  #expect(action(.character("M"), shown) == .previousModel)
  #expect(action(.down, shown) == .scrollCompare(1))
  #expect(action(.pageUp, shown) == .scrollCompare(-8))
  #expect(action(.character("q"), shown) == .quit)
  #expect(action(.character("n"), shown) == nil, "no stepping under the table")
  // Too small for the panels: c still opens the table, which needs none.
  #expect(action(.character("c"), .paused, fits: false) == .toggleCompare)
  #expect(action(.down, shown, fits: false) == .scrollCompare(1))
  #expect(action(.character("n"), .paused, fits: false) == nil)
}

@Test func aNewRunStartsAtStepZeroAndKeepsTheViewersChoices() {
  let rust = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var before = ViewerModel(feed: rust)
  before.access = .rerun
  before.apply([.stepForward, .stepForward, .faster, .toggleTimeline], feed: rust)
  before.showComparison(.success(dbThenServiceTable()))
  let node = SavedTraceFeed(trace: DemoTraces.nodeTrace(named: "db-then-service"))
  let after = ViewerModel(feed: node, continuing: before)
  #expect(after.step == 0 && after.history.trace.program.model == .node)
  #expect(after.speed == before.speed && after.showsTimeline)
  #expect(after.mode == .compare(resumePlaying: false) && after.comparison == before.comparison)
  #expect(after.access == .rerun)
  #expect(after.message?.hasPrefix("Now under node (Node 20's event loop), from step 0") == true)
  // The header names the model, rust too, when the view can switch.
  let header = ScreenRenderer.render(before, width: 100, height: 30, options: ViewOptions()).rowText(0)
  #expect(header.contains("rust, backend sim"), "\(header)")
}

@Test func theCompareOverlayMarksTheShownModelAndFitsEverySize() throws {
  let table = dbThenServiceTable()
  let threads = SavedTraceFeed(trace: DemoTraces.threadsTrace(named: "db-then-service"))
  var m = ViewerModel(feed: threads)
  m.access = .rerun
  m.showComparison(.success(table))
  for (width, height) in [(100, 30), (80, 24), (160, 50)] {
    let text = ScreenRenderer.render(m, width: width, height: height, options: ViewOptions()).text
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let heads = try #require(lines.first { $0.contains("rust") && $0.contains("node") && $0.contains("go") })
    #expect(heads.contains("▸ threads") && !heads.contains("▸ rust"), "\(width)x\(height): \(heads)")
    // Every cell of the switches row shows, in the columns' order.
    let row = try #require(lines.first { $0.contains("context switches") }, "\(width)x\(height)")
    let cells = try #require(table.rows.first { $0.label == "context switches" }).cells
    let words = row.split(separator: " ").map(String.init).filter { $0 != "│" }
    #expect(Array(words.suffix(cells.count)) == cells, "\(width)x\(height): \(row)")
    #expect(text.contains("c/Esc: close"))
    Golden.check(text, named: "compare-overlay-\(width)x\(height).txt")
  }
}

@Test func aShortScreenScrollsTheTableUnderItsColumnNames() {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var m = ViewerModel(feed: feed)
  m.access = .rerun
  m.showComparison(.success(dbThenServiceTable()))
  let top = ScreenRenderer.render(m, width: 80, height: 16, options: ViewOptions()).text
  #expect(top.contains("more lines") && !top.contains("kernel switches between them"))
  m.apply(Array(repeating: .scrollCompare(8), count: 5), feed: feed)
  m.fitCompareScroll(width: 80, height: 16)
  let bottom = ScreenRenderer.render(m, width: 80, height: 16, options: ViewOptions()).text
  #expect(bottom.contains("kernel switches between them.") && bottom.contains("back to the top"))
  #expect(bottom.contains("▸ rust"), "the column names stay")
  #expect(!bottom.contains("│ end "), "the first rows scrolled away")
}
