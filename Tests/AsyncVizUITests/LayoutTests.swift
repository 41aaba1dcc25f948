import AsyncVizUI
import Testing

/// Every cell of the screen belongs to exactly one panel.
private func tilesTheScreen(_ layout: ScreenLayout, _ width: Int, _ height: Int) -> Bool {
  var owners = Array(repeating: 0, count: width * height)
  for rect in layout.allRects {
    for y in rect.y..<rect.maxY {
      for x in rect.x..<rect.maxX {
        guard x >= 0, y >= 0, x < width, y < height else { return false }
        owners[y * width + x] += 1
      }
    }
  }
  return owners.allSatisfy { $0 == 1 }
}

@Test func minimumSizeLayoutMatchesTheDesign() throws {
  let layout = try #require(ScreenLayout.make(width: 100, height: 30))
  #expect(tilesTheScreen(layout, 100, 30))
  #expect(layout.header == Rect(x: 0, y: 0, width: 100, height: 1))
  #expect(layout.footer == Rect(x: 0, y: 29, width: 100, height: 1))
  #expect(layout.status.y == 28)
  #expect(layout.tasks.height == 7)  // a header row and at most four tasks (five by default are scrolled)
  #expect(layout.narration.height == 8)  // six rows of notes
  #expect(layout.source.interior.height == 7)
  #expect(layout.output.interior.height == 1)
  #expect(layout.executor.interior.height == 2)  // the step's action and the run queue
  #expect(layout.reactor.interior.height == 5)
  #expect(layout.detail.interior.height == 6)
}

@Test func biggerTerminalsGetMoreRowsOfQueueSourceAndNarration() throws {
  let small = try #require(ScreenLayout.make(width: 100, height: 30))
  let big = try #require(ScreenLayout.make(width: 160, height: 50))
  #expect(tilesTheScreen(big, 160, 50))
  #expect(big.narration.height > small.narration.height)
  #expect(big.source.height > small.source.height)
  #expect(big.tasks.height > small.tasks.height)
  #expect(big.executor.height > small.executor.height)
  #expect(big.reactor.height > small.reactor.height)
  #expect(big.tasks.width > small.tasks.width && big.executor.width > small.executor.width)
}

@Test(arguments: [(100, 30), (101, 31), (120, 40), (160, 50), (250, 80), (137, 33)])
func everySizeFromTheMinimumTiles(size: (Int, Int)) throws {
  let layout = try #require(ScreenLayout.make(width: size.0, height: size.1))
  #expect(tilesTheScreen(layout, size.0, size.1))
  let shown = [layout.tasks, layout.source, layout.output, layout.executor, layout.reactor, layout.detail]
  #expect(shown.allSatisfy { $0.width > 0 && $0.height >= 3 })
  #expect(layout.narration.height >= 8)
}

/// The task table takes the rows its tasks need, no more: the source gets the rest.
@Test func panelsSizeToTheirContent() throws {
  var one = ScreenLayout.Content()
  one.tasks = 1
  var four = ScreenLayout.Content()
  four.tasks = 4
  four.outputLines = 3
  for (width, height) in [(100, 30), (160, 50)] {
    let a = try #require(ScreenLayout.make(width: width, height: height, content: one))
    let b = try #require(ScreenLayout.make(width: width, height: height, content: four))
    #expect(a.tasks.interior.height == 2)  // the header row and one task
    #expect(b.tasks.interior.height == 5)
    #expect(a.source.height > b.source.height)
    #expect(b.output.interior.height >= min(3, a.output.interior.height + 2) || height == 30)
    #expect(tilesTheScreen(a, width, height) && tilesTheScreen(b, width, height))
  }
}

/// Zoomed, the narration takes every row between the header and the status
/// line; `t` puts the timeline in the left column below 150x45 (the source
/// below it when its lanes leave room), and shows
/// it as a band from there up (t hides it).
@Test func zoomAndTimelineLayouts() throws {
  var zoomed = ScreenLayout.Content()
  zoomed.zoomed = true
  let z = try #require(ScreenLayout.make(width: 100, height: 30, content: zoomed))
  #expect(z.narration == Rect(x: 0, y: 1, width: 100, height: 27))
  #expect(tilesTheScreen(z, 100, 30))
  var toggled = ScreenLayout.Content()
  toggled.timelineToggled = true
  toggled.tasks = 4
  // Four lanes, the axis and the border: the source gets the rows below.
  let small = try #require(ScreenLayout.make(width: 100, height: 30, content: toggled))
  #expect(small.timeline.width == small.executor.x && small.tasks.height == 0)
  #expect(small.timeline.height == 7 && small.source.y == 8 && small.source.height == 12)
  #expect(tilesTheScreen(small, 100, 30))
  // More lanes than rows: the timeline takes the column, scrolling with the selection.
  var many = toggled
  many.tasks = 40
  let crowded = try #require(ScreenLayout.make(width: 100, height: 30, content: many))
  #expect(crowded.timeline.height == 19 && crowded.source.height == 0)
  #expect(tilesTheScreen(crowded, 100, 30))
  let big = try #require(ScreenLayout.make(width: 160, height: 50))
  #expect(big.timeline.width == 160 && big.timeline.height >= 8 && big.source.height > 10)
  #expect(tilesTheScreen(big, 160, 50))
  let hidden = try #require(ScreenLayout.make(width: 160, height: 50, content: toggled))
  #expect(hidden.timeline.height == 0)
  #expect(tilesTheScreen(hidden, 160, 50))
}

@Test(arguments: [(60, 20), (99, 30), (100, 29), (0, 0)])
func belowTheMinimumThereIsNoLayout(size: (Int, Int)) {
  #expect(ScreenLayout.make(width: size.0, height: size.1) == nil)
}
