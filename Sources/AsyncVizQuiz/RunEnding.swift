import AsyncVizTrace

/// How a run ends, as the quiz's run-end question offers it: a trace's end
/// reasons, with a completed run split by whether main returned while other
/// tasks were still alive (the runtime then drops them), since that is the
/// ending learners most often miss. A run that ended in an error is not asked
/// about.
public enum RunEnding: Sendable, Hashable, CaseIterable {
  /// Every task is done.
  case completed
  /// main is done, and the runtime dropped the tasks still alive.
  case dropped
  /// A task waits for a wake that nothing can send.
  case stuck
  /// The step limit stopped the run.
  case maxSteps

  /// The ending of a run that ended for `reason`, having dropped tasks or
  /// not; nil for an error.
  init?(_ reason: EndReason, dropped: Bool) {
    switch reason {
    case .completed: self = dropped ? .dropped : .completed
    case .stuck: self = .stuck
    case .maxSteps: self = .maxSteps
    case .error: return nil
    }
  }

  /// The answer a learner chooses.
  var choiceText: String {
    switch self {
    case .completed: "It finishes: every task is done"
    case .dropped: "main finishes, and the runtime drops the tasks still alive"
    case .stuck: "It gets stuck: a task waits for a wake that never comes"
    case .maxSteps: "It never ends by itself: it runs into the step limit"
    }
  }
}
