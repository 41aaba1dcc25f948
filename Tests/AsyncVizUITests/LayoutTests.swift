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
  #expect(layout.tasks.height == 8)  // a header row and five tasks
  #expect(layout.narration.height == 8)  // six rows of notes
  #expect(layout.source.interior.height == 9)
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
  #expect(layout.allRects.allSatisfy { $0.width > 0 && $0.height > 0 })
}

@Test(arguments: [(60, 20), (99, 30), (100, 29), (0, 0)])
func belowTheMinimumThereIsNoLayout(size: (Int, Int)) {
  #expect(ScreenLayout.make(width: size.0, height: size.1) == nil)
}
