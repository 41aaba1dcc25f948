import AsyncVizTranslate

/// What a disagreement looks like from outside (for any real runtime), and
/// the tokio rules that can cause it in this program (from the constructs its
/// source uses). Used to annotate the expected-mismatch lists; a failure's
/// report shows both outputs.
enum MismatchSymptom {
  static func describe(model: ProgramOutcome, tokio: ProgramOutcome, source: String) -> String {
    let symptom = self.symptom(
      model: model, real: tokio, runtime: "tokio", realStuck: "tokio never returned from main")
    let rules = candidateRules(source, symptom: symptom)
    return rules.isEmpty ? symptom : "\(symptom) - rules: \(rules.joined(separator: ", "))"
  }

  /// What a disagreement looks like from outside, in words for the real
  /// `runtime`'s side; `realStuck` says how it ends a run the model finishes
  /// but it does not.
  static func symptom(model: ProgramOutcome, real: ProgramOutcome, runtime: String, realStuck: String)
    -> String
  {
    switch (model.end, real.end) {
    case (.stuck, .finished): return "stuck in asyncviz, finished in \(runtime)"
    case (.finished, .stuck): return "finished in asyncviz, \(realStuck)"
    case (_, .failed(let why)): return "\(runtime) \(why)"
    default: break
    }
    if model.lines == real.lines {
      if case .finished(let a) = model.end, case .finished(let b) = real.end {
        return a > b
          ? "same lines, \(runtime) ends \((a - b) / 1000) ms sooner"
          : "same lines, \(runtime) ends \((b - a) / 1000) ms later"
      }
      return "same lines, different end"
    }
    if real.lines.count < model.lines.count, isSubsequence(real.lines, of: model.lines) {
      return "\(runtime) printed fewer lines"
    }
    if real.lines.sorted() == model.lines.sorted() { return "same lines in another order" }
    return "different lines"
  }

  /// The rules this program can run into, by what it uses.
  private static func candidateRules(_ source: String, symptom: String) -> [String] {
    var rules: [String] = []
    let madeEarly =
      source.contains("= sleep(") || source.contains("= timeout(") || source.contains("sleep(0ms)")
    if madeEarly { rules.append("deadline fixed at the call (sleep/timeout made early, sleep(0ms))") }
    if symptom.contains("fewer") || symptom.contains(" ends ") || symptom.contains("stuck") {
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
