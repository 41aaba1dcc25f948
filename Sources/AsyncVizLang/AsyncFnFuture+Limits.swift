import AsyncVizRuntime

/// The run-time limits a frame enforces (`Limits`): each stops the fn with
/// an `error:` line instead of letting a hostile program run on.
extension AsyncFnFuture {
  /// The instruction budget ran out: this task's poll's (a loop with no
  /// await that waits) or the whole run's (many polls or tasks each spinning).
  /// Each is reported once; the frames stopped after it stop silently.
  func outOfInstructions(at pc: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value> {
    if run.budget.pointee.pollBound {
      if run.budget.pointee.reportedPollLimit { return fail(nil, at: pc, &r, &cx) }
      run.budget.pointee.reportedPollLimit = true
      return fail(
        "this poll ran \(run.limits.instructionsPerPoll) instructions without reaching an await that waits; "
          + "a real executor would never get its thread back (change the limit with --poll-budget)",
        at: pc, &r, &cx)
    }
    if run.budget.pointee.reportedRunLimit { return fail(nil, at: pc, &r, &cx) }
    run.budget.pointee.reportedRunLimit = true
    return fail(
      "the run has executed \(run.limits.instructionsPerRun) instructions, its limit "
        + "(change it with --max-instructions); every async fn stops from here on", at: pc, &r, &cx)
  }

  /// Builds an interpolated string, stopping as soon as it is too long.
  func interpolate(_ pieces: [Piece], _ locals: [Value]) -> Result<String, FrameError> {
    var text = ""
    for piece in pieces {
      switch piece {
      case .text(let t): text += t
      case .local(let slot): text += locals[slot].display
      }
      if text.utf8.count > Limits.maxStringBytes { break }
    }
    if let error = run.budget.pointee.spendText(text.utf8.count, limits: run.limits) {
      return .failure(error)
    }
    return .success(text)
  }

  /// Checks a value coming out of an await: a list may hold at most
  /// `Limits.maxListValues` values in all (join of joins grows without it).
  func admit(_ value: Value) -> FrameError? {
    guard case .list = value else { return nil }
    var count = 0
    guard value.countValues(&count, limit: Limits.maxListValues) else {
      return FrameError(
        "this list would hold more than \(Limits.maxListValues) values (the limit for one list)")
    }
    return nil
  }
}
