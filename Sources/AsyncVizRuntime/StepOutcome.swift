import AsyncVizTrace

/// What one call of `Runtime.step()` did.
public enum StepOutcome: Sendable, Equatable {
  /// The executor polled `task`, which returned `result`.
  case polled(TaskID, PollResult)
  /// The reactor waited and woke `woken` tasks.
  case reactorTurn(woken: Int)
  /// The run is over (this step did nothing).
  case finished(RunEnd)
}
