import AsyncVizTranslate

/// What a disagreement looks like from outside, named after the tokio rule
/// that usually causes it. Used to annotate ExpectedMismatches.txt; the
/// report of each failure shows both outputs in full.
enum MismatchSymptom {
  static func describe(model: ProgramOutcome, tokio: ProgramOutcome) -> String {
    switch (model.end, tokio.end) {
    case (.stuck, .finished):
      return "stuck in asyncviz, finished in tokio (tasks dropped when main returns)"
    case (.finished, .stuck):
      return "finished in asyncviz, tokio never returned from main"
    case (_, .failed(let why)):
      return "tokio \(why)"
    default: break
    }
    if model.lines == tokio.lines {
      if case .finished(let a) = model.end, case .finished(let b) = tokio.end {
        return a > b
          ? "same lines; asyncviz ends later (\(a) vs \(b) us): tasks dropped when main returns"
          : "same lines; tokio ends later (\(b) vs \(a) us): deadlines fixed at the call"
      }
      return "same lines, different end"
    }
    if tokio.lines.count < model.lines.count, isSubsequence(tokio.lines, of: model.lines) {
      return "tokio printed fewer lines: tasks dropped when main returns"
    }
    if tokio.lines.sorted() == model.lines.sorted() {
      return "same lines in another order: poll order (yield_now deferred wake, driver every 61 polls,"
        + " join! rotation, main as the block_on future)"
    }
    return "different lines: timing (sleep/timeout deadline fixed at the call, sleep(0) ready at once)"
  }

  private static func isSubsequence(_ small: [String], of big: [String]) -> Bool {
    var i = 0
    for line in big where i < small.count && small[i] == line { i += 1 }
    return i == small.count
  }
}
