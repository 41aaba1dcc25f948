import AsyncVizTranslate
import Testing

@Suite struct GoComparisonTests {
  let model = ProgramOutcome(lines: ["a", "b", "c", "d"], end: .finished(us: 100_000))

  func go(_ lines: [String], endUs: Int64 = 101_000) -> ProgramOutcome {
    ProgramOutcome(lines: lines, end: .finished(us: endUs))
  }

  @Test func linesAMillisecondApartMayComeInEitherOrder() {
    let comparison = GoComparison(model: model, times: [0, 20_000, 21_000, 40_000])
    #expect(comparison.agrees(with: go(["a", "b", "c", "d"])))
    #expect(comparison.agrees(with: go(["a", "c", "b", "d"])))
    // Lines 19 ms apart keep their order.
    #expect(!comparison.agrees(with: go(["b", "a", "c", "d"])))
  }

  @Test func linesOfOneMomentKeepTheSchedulersOrder() {
    let comparison = GoComparison(model: model, times: [0, 0, 1_000, 40_000])
    #expect(!comparison.agrees(with: go(["b", "a", "c", "d"])))
    #expect(comparison.agrees(with: go(["a", "c", "b", "d"])))
    #expect(comparison.agrees(with: go(["c", "a", "b", "d"])))
  }

  @Test func theEndMayBeLaterByTheSlackNeverEarlier() {
    let comparison = GoComparison(model: model, times: [0, 10_000, 20_000, 30_000])
    #expect(comparison.slackUs == 60_000)
    #expect(comparison.agrees(with: go(model.lines, endUs: 160_000)))
    #expect(!comparison.agrees(with: go(model.lines, endUs: 160_001)))
    #expect(!comparison.agrees(with: go(model.lines, endUs: 99_999)))
    #expect(!comparison.agrees(with: ProgramOutcome(lines: model.lines, end: .stuck)))
  }

  /// Main returned 3 ms after "c" in the model: in Go the process may end first.
  @Test func aLineJustBeforeMainReturnsMayBeMissing() {
    let comparison = GoComparison(model: model, times: [0, 20_000, 40_000, 97_000])
    #expect(comparison.agrees(with: go(["a", "b", "c"])))
    #expect(!comparison.agrees(with: go(["a", "b", "d"])))
    let early = GoComparison(model: model, times: [0, 20_000, 40_000, 90_000])
    #expect(!early.agrees(with: go(["a", "b", "c"])))
  }
}

extension GoComparisonTests {
  /// Two timers armed at different times that come due together: real time
  /// orders them, so their moment's lines are compared as a multiset.
  @Test func aSameMomentWakeupIsComparedAsASet() {
    let tie = GoComparison(model: model, times: [0, 0, 1_000, 40_000], tieTimes: [0])
    #expect(tie.agrees(with: go(["b", "a", "c", "d"])))
    #expect(!tie.agrees(with: go(["b", "a", "d", "c"])))
  }
}
