/// A rule that asks about the step after a given one.
protocol StepRule {
  /// The questions this rule asks at `window.step` (none if it does not apply).
  static func questions(at window: StepWindow) -> [QuizQuestion]
}

/// A rule that asks about the whole run, before it starts.
protocol RunRule {
  /// The questions this rule asks about `run`.
  static func questions(in run: QuizRun) -> [QuizQuestion]
}
