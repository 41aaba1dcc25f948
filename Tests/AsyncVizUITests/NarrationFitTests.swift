import AsyncVizExamples
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizUI
import Testing

/// At 100x30, for every step of every demo, the short forms of the step's
/// notes fit the narration pane: as many lines as it has rows, none cut.
/// (The full sentences are one key away, `z`; a step that does not fit
/// would need paging, which a learner at the smallest size should not need.)
@Test(arguments: DemoCatalog.all.map(\.name))
func everyStepsShortFormFitsTheNarrationPaneAt100x30(demo: String) throws {
  let trace = DemoTraces.trace(named: demo)
  var model = ViewerModel(feed: SavedTraceFeed(trace: trace))
  let layout = try #require(ScreenLayout.make(width: 100, height: 30, model: model))
  let inner = layout.narration.interior
  for step in 0...trace.stepCount {
    model.jump(to: step)
    let entry = try #require(model.recentNotes.first)
    #expect(entry.step == step)
    let lines = NarrationPanel.briefLines(entry)
    #expect(
      lines.count <= inner.height,
      "\(demo) step \(step): \(lines.count) lines for \(inner.height) rows:\n\(lines.joined(separator: "\n"))"
    )
    // "step N" and two spaces go before the text, and one column stays free.
    let room = inner.width - 2 - "step \(step)".count - 2
    for line in lines {
      #expect(CharWidth.of(line) <= room, "\(demo) step \(step): too wide: \(line)")
    }
    #expect(NarrationPanel.maxPage(model, rect: layout.narration) == 0, "\(demo) step \(step) needs paging")
  }
}
