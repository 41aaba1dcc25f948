import AsyncVizTrace

/// What is left of a run's instruction, text and error-line budgets, shared
/// by every frame of the run (one `ProgramRun`).
///
/// The per-poll count is shared too: the frames of one task's poll (a root
/// frame and the frames it awaits inline, through `await` or `join`) draw on
/// one `Limits.instructionsPerPoll`, reset when a task's root frame is polled.
/// Only one task is polled at a time, so one counter serves every task.
struct RunBudget {
  /// Instructions the whole run may still execute; never negative.
  var instructionsLeft: Int
  /// Instructions the task being polled may still execute in this poll; never negative.
  var pollInstructionsLeft: Int
  /// Bytes of text the run may still make; never negative.
  var textBytesLeft: Int
  /// Lines `print` may still print; never negative.
  var outputLinesLeft: Int
  /// Run-time error lines that may still be printed; at 0 one last line says
  /// that later errors are not shown, and it goes to -1.
  var errorLinesLeft = RunBudget.maxErrorLines
  /// Whether the run-wide instruction limit was already reported.
  var reportedRunLimit = false
  /// Where the polling thread's stack must stop.
  var stack = StackGuard()
  /// Whether this poll's limit was already reported (the frames awaiting the
  /// stopped one stop silently, instead of repeating it at each level).
  var reportedPollLimit = false

  /// How many run-time error lines a run prints: a program that fails in a
  /// loop of spawns or calls would otherwise fill the trace with them.
  static let maxErrorLines = 100

  init(_ limits: Limits) {
    instructionsLeft = max(0, limits.instructionsPerRun)
    pollInstructionsLeft = max(0, limits.instructionsPerPoll)
    textBytesLeft = max(0, limits.textBytesPerRun)
    outputLinesLeft = max(0, limits.outputLinesPerRun)
  }

  /// A task's poll starts (its root frame is polled).
  mutating func startPoll(_ limits: Limits) {
    stack.refresh()
    pollInstructionsLeft = max(0, limits.instructionsPerPoll)
    reportedPollLimit = false
  }

  /// How many instructions may run now.
  var allowance: Int { min(pollInstructionsLeft, instructionsLeft) }

  /// Whether the per-poll limit, rather than the run's, bounds `allowance`.
  var pollBound: Bool { pollInstructionsLeft <= instructionsLeft }

  /// Takes `used` instructions (at most `allowance`) from both budgets.
  mutating func spend(_ used: Int) {
    pollInstructionsLeft -= used
    instructionsLeft -= used
  }

  /// Takes what making a future from `recipe` costs beyond its instruction:
  /// a call of an async fn costs as much as dozens of simple instructions
  /// (as under rust), at most `allowance`.
  mutating func spendMake(_ recipe: FutureRecipe) {
    if case .asyncFn = recipe { spend(min(Limits.callCost, allowance)) }
  }

  /// Takes `count` future polls from the run's budget, one instruction each
  /// (at most what is left: the task is stopped at its next poll).
  mutating func spendPolls(_ count: Int) {
    instructionsLeft -= min(count, instructionsLeft)
  }

  /// The line reporting that the run's instructions ran out, the first time
  /// (nil after: the stopped frames and tasks stop silently).
  mutating func runLimitLine(_ limits: Limits) -> String? {
    if reportedRunLimit { return nil }
    reportedRunLimit = true
    return errorLine(
      "error: the run has executed \(limits.instructionsPerRun) instructions, its limit "
        + "(change it with --max-instructions); every async fn stops from here on")
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

  /// Takes one printed line of `bytes` from the budgets, or says why it cannot.
  mutating func spendLine(_ bytes: Int, limits: Limits) -> FrameError? {
    guard outputLinesLeft > 0 else {
      return FrameError(
        "the run has printed \(English.count(limits.outputLinesPerRun, "line")), its limit (change it with --max-output)"
      )
    }
    if let error = spendText(bytes, limits: limits) { return error }
    outputLinesLeft -= 1
    return nil
  }

  /// The line to print for a run-time error, or nil once too many were printed.
  mutating func errorLine(_ line: String) -> String? {
    errorLinesLeft -= 1
    if errorLinesLeft >= 0 { return line }
    if errorLinesLeft == -1 {
      return "error: \(RunBudget.maxErrorLines) run-time errors were reported; later ones are not shown"
    }
    errorLinesLeft = -2
    return nil
  }
}
