import AsyncVizRuntime

/// The run-time limits a frame enforces (`Limits`): each stops the fn with
/// an `error:` line instead of letting a hostile program run on.
extension AsyncFnFuture {
  /// The instruction budget ran out: this task's poll's (a loop with no
  /// await that waits) or the whole run's (many polls or tasks each spinning).
  /// Each is reported once; the frames stopped after it stop silently.
  func outOfInstructions(at pc: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value> {
    fail(run.instructionLimitMessage(), at: pc, &r, &cx)
  }

  /// Checks a value coming out of an await: a list may hold at most
  /// `Limits.maxListValues` values in all (join of joins grows without it).
  func admit(_ value: Value) -> FrameError? { Self.admitted(value) }

  /// `admit`, for any model's frame.
  static func admitted(_ value: Value) -> FrameError? {
    guard case .list = value else { return nil }
    var count = 0
    guard value.countValues(&count, limit: Limits.maxListValues) else {
      return FrameError(
        "this list would hold more than \(Limits.maxListValues) values (the limit for one list)")
    }
    return nil
  }
}

extension ProgramRun {
  /// What a frame stopped by the instruction budget says: the poll's limit
  /// (a loop with no await that waits) or the whole run's (many polls or
  /// tasks each spinning). Each is reported once (nil: already reported,
  /// the frames stopped after it stop silently).
  func instructionLimitMessage() -> String? {
    if budget.pointee.pollBound {
      if budget.pointee.reportedPollLimit { return nil }
      budget.pointee.reportedPollLimit = true
      return "this poll ran \(limits.instructionsPerPoll) instructions without reaching an await that waits; "
        + "a real executor would never get its thread back (change the limit with --poll-budget)"
    }
    if budget.pointee.reportedRunLimit { return nil }
    budget.pointee.reportedRunLimit = true
    return "the run has executed \(limits.instructionsPerRun) instructions, its limit "
      + "(change it with --max-instructions); every async fn stops from here on"
  }
}
