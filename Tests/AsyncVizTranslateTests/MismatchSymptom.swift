import AsyncVizTranslate

/// What a disagreement looks like from outside, and the tokio rules that can
/// cause it in this program (from the constructs its source uses). Used to
/// annotate ExpectedMismatches.txt; a failure's report shows both outputs.
enum MismatchSymptom {
  static func describe(model: ProgramOutcome, tokio: ProgramOutcome, source: String) -> String {
    let symptom = self.symptom(model: model, tokio: tokio)
    let rules = candidateRules(source, symptom: symptom)
    return rules.isEmpty ? symptom : "\(symptom) - rules: \(rules.joined(separator: ", "))"
  }

  private static func symptom(model: ProgramOutcome, tokio: ProgramOutcome) -> String {
    switch (model.end, tokio.end) {
    case (.stuck, .finished): return "stuck in asyncviz, finished in tokio"
    case (.finished, .stuck): return "finished in asyncviz, tokio never returned from main"
    case (_, .failed(let why)): return "tokio \(why)"
    default: break
    }
    if model.lines == tokio.lines {
      if case .finished(let a) = model.end, case .finished(let b) = tokio.end {
        return a > b ? "same lines, asyncviz ends later" : "same lines, tokio ends later"
      }
      return "same lines, different end"
    }
    if tokio.lines.count < model.lines.count, isSubsequence(tokio.lines, of: model.lines) {
      return "tokio printed fewer lines"
    }
    if tokio.lines.sorted() == model.lines.sorted() { return "same lines in another order" }
    return "different lines"
  }

  /// The rules this program can run into, by what it uses.
  private static func candidateRules(_ source: String, symptom: String) -> [String] {
    var rules: [String] = []
    let madeEarly =
      source.contains("= sleep(") || source.contains("= timeout(") || source.contains("sleep(0ms)")
    if madeEarly { rules.append("deadline fixed at the call (sleep/timeout made early, sleep(0ms))") }
    if symptom.contains("fewer") || symptom.contains("ends later") || symptom.contains("stuck") {
      rules.append("tasks dropped when main returns")
    }
    if source.contains("yield_now()") { rules.append("yield_now's wake deferred until the driver is polled") }
    if symptom.contains("order") || symptom.contains("different") {
      rules.append("main polled as the block_on future")
      if source.contains("join(") { rules.append("join! rotates its first branch") }
    }
    return rules
  }

  private static func isSubsequence(_ small: [String], of big: [String]) -> Bool {
    var i = 0
    for line in big where i < small.count && small[i] == line { i += 1 }
    return i == small.count
  }
}
