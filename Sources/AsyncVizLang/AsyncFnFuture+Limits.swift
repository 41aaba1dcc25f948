import AsyncVizRuntime
import AsyncVizTrace

/// The run-time limits a frame enforces (`Limits`): each stops the fn with
/// an `error:` line instead of letting a hostile program run on.
extension AsyncFnFuture {
  /// The instruction budget ran out: this task's poll's (a loop with no
  /// await that waits) or the whole run's (many polls or tasks each spinning).
  /// Each is reported once; the frames stopped after it stop silently.
  func outOfInstructions(at pc: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value> {
    fail(run.instructionLimitMessage(.rust), at: pc, &r, &cx)
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
  /// the frames stopped after it stop silently). The poll's limit is said
  /// in `model`'s words: what a loop that never waits does to the rest of
  /// a real program differs (the budget starts again at each poll, job,
  /// dispatch of a thread or run of a goroutine).
  func instructionLimitMessage(_ model: RuntimeModel) -> String? {
    if budget.pointee.pollBound {
      if budget.pointee.reportedPollLimit { return nil }
      budget.pointee.reportedPollLimit = true
      let n = limits.instructionsPerPoll
      let change = " (change the limit with --poll-budget)"
      switch model {
      case .rust:
        return "this poll ran \(n) instructions without reaching an await that waits; "
          + "a real executor would never get its thread back" + change
      case .node:
        // Run to completion: nothing else in the loop runs until the job ends.
        return "this job ran \(n) instructions without reaching an await; until it does, the event loop "
          + "runs no timer, I/O or other job" + change
      case .threads:
        // The kernel's time slices share the CPUs: only this thread's CPU is taken.
        return "this thread ran \(n) instructions without a blocking call; a real thread would keep a CPU "
          + "busy until it blocks, though the kernel would still run the other threads" + change
      case .go:
        // Go 1.14's asynchronous preemption (sysmon, forcePreemptNS = 10 ms) lets the others run.
        return "this goroutine ran \(n) instructions without blocking; Go would preempt it after 10 ms so "
          + "the other goroutines run, then resume it" + change
      }
    }
    if budget.pointee.reportedRunLimit { return nil }
    budget.pointee.reportedRunLimit = true
    return "the run has executed \(limits.instructionsPerRun) instructions, its limit "
      + "(change it with --max-instructions); every async fn stops from here on"
  }
}
