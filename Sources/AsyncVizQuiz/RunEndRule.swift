import AsyncVizTrace

/// "How does this run end?": asked before the run starts. Every task done,
/// main done and the others dropped, stuck (a task that nothing can wake),
/// or stopped at the step limit (`RunEnding`).
enum RunEndRule: RunRule {
  static func questions(in run: QuizRun) -> [QuizQuestion] {
    let dropped = run.trace.events.compactMap { event -> TaskID? in
      if case .taskDrop(let task) = event.payload { return task }
      return nil
    }
    guard let end = run.trace.end, let ending = RunEnding(end.reason, dropped: !dropped.isEmpty) else {
      return []
    }
    let steps = end.steps
    let stuck = end.stuckTasks.map(run.label).joined(separator: ", ")
    let names = dropped.map(run.label).joined(separator: ", ")
    // Why `choice` is this run's ending, or why it is not, from the run's facts.
    func because(_ choice: RunEnding) -> String {
      switch (ending, choice) {
      case (.completed, .completed): "Every task is done at step \(steps)."
      case (.completed, .dropped): "No task is left when main returns: each one finished first."
      case (.completed, .stuck): "Every task that waits is woken in the end: none is left pending."
      case (.completed, .maxSteps): "The run ends by itself at step \(steps), with every task done."
      case (.dropped, .completed):
        "\(names) never finish: main returns first, and the runtime drops them unfinished."
      case (.dropped, .dropped):
        "main returns at step \(steps) and the runtime drops what is still alive, as tokio does."
      case (.dropped, .stuck): "Nothing is left waiting: main returns, and \(names) are dropped."
      case (.dropped, .maxSteps): "The run ends by itself at step \(steps), when main returns."
      case (.stuck, .completed): "\(stuck) never finish: each is pending and nothing can ever wake it."
      case (.stuck, .dropped): "main does not finish, so nothing is dropped: \(stuck) stay pending forever."
      case (.stuck, .stuck):
        "The run ends stuck at step \(steps): \(stuck) wait for a wake that nothing will ever send."
      case (.stuck, .maxSteps):
        "The run stops at step \(steps): no task is ready and nothing can wake one, so there is "
          + "nothing left to step (real tokio would park forever)."
      case (.maxSteps, .completed):
        "Tasks are still running at step \(steps), when the step limit stops the run."
      case (.maxSteps, .dropped): "main is not done when the step limit stops the run."
      case (.maxSteps, .stuck): "It is not stuck: tasks are still ready to run when the step limit stops it."
      case (.maxSteps, .maxSteps): "The run is still going at step \(steps), the step limit."
      }
    }
    func choice(_ ending: RunEnding) -> QuizChoice {
      QuizChoice(ending.choiceText, .ending(ending), because: because(ending))
    }
    return [
      QuizQuestion(
        .runEnd, askedAt: 0, reveal: end.steps, prompt: "Before the run starts: how does it end?",
        right: choice(ending), wrong: RunEnding.allCases.filter { $0 != ending }.map(choice))
    ]
  }
}
