/// What is left of a run's run-wide limits (`Limits.instructionsPerRun`,
/// `Limits.textBytesPerRun`), shared by every frame of the run.
///
/// Spending only ever decreases the counts; once one reaches zero every
/// later attempt fails, so a runaway run ends quickly: each remaining task
/// stops at its next poll.
struct RunBudget {
  /// Instructions the run may still execute; never negative.
  var instructionsLeft: Int
  /// Bytes of text the run may still make; never negative.
  var textBytesLeft: Int
  /// Whether the run-wide instruction limit was already reported: the
  /// message is printed once, the frames stopped after it stop silently.
  var reportedInstructions = false

  init(_ limits: Limits) {
    instructionsLeft = max(0, limits.instructionsPerRun)
    textBytesLeft = max(0, limits.textBytesPerRun)
  }

  /// Takes `bytes` of text from the budget, or says why it cannot.
  mutating func spendText(_ bytes: Int, limits: Limits) -> FrameError? {
    if bytes > Limits.maxStringBytes {
      return FrameError(
        "this text would be more than \(Limits.maxStringBytes) bytes long (the limit for one string)")
    }
    guard bytes <= textBytesLeft else {
      textBytesLeft = 0
      return FrameError(
        "the run has made \(limits.textBytesPerRun) bytes of text, its limit (change it with --max-text)")
    }
    textBytesLeft -= bytes
    return nil
  }
}
