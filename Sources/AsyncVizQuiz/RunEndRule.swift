import AsyncVizTrace

/// "How does this run end?": asked before the run starts. Every task done,
/// main done and the others dropped, stuck (a task that nothing can wake),
/// or stopped at the step limit.
enum RunEndRule: RunRule {
  static func questions(in run: QuizRun) -> [QuizQuestion] {
    guard let end = run.trace.end, end.reason != .error else { return [] }
    let dropped = run.trace.events.compactMap { event -> TaskID? in
      if case .taskDrop(let task) = event.payload { return task }
      return nil
    }
    let stuck = end.stuckTasks.map(run.label).joined(separator: ", ")
    // The four endings a learner chooses from, by key.
    let texts = [
      "completed": "It finishes: every task is done",
      "dropped": "main finishes, and the runtime drops the tasks still alive",
      "stuck": "It gets stuck: a task waits for a wake that never comes",
      "max-steps": "It never ends by itself: it runs into the step limit",
    ]
    // The run's ending, and each other ending with why it is wrong.
    let key: String
    let wrong: [(key: String, because: String)]
    switch end.reason {
    case .completed where !dropped.isEmpty:
      key = "dropped"
      let names = dropped.map(run.label).joined(separator: ", ")
      wrong = [
        ("completed", "\(names) never finish: main returns first, and the runtime drops them unfinished."),
        ("stuck", "Nothing is left waiting: main returns, and \(names) are dropped."),
        ("max-steps", "The run ends by itself at step \(end.steps), when main returns."),
      ]
    case .completed:
      key = "completed"
      wrong = [
        ("dropped", "No task is left when main returns: each one finished first."),
        ("stuck", "Every task that waits is woken in the end: none is left pending."),
        ("max-steps", "The run ends by itself at step \(end.steps), with every task done."),
      ]
    case .stuck:
      key = "stuck"
      wrong = [
        ("completed", "\(stuck) never finish: each is pending and nothing can ever wake it."),
        ("dropped", "main does not finish, so nothing is dropped: \(stuck) stay pending forever."),
        (
          "max-steps",
          "The run stops at step \(end.steps): no task is ready and nothing can wake one, so there is "
            + "nothing left to step (real tokio would park forever)."
        ),
      ]
    case .maxSteps:
      key = "max-steps"
      wrong = [
        ("completed", "Tasks are still running at step \(end.steps), when the step limit stops the run."),
        ("stuck", "It is not stuck: tasks are still ready to run when the step limit stops it."),
        ("dropped", "main is not done when the step limit stops the run."),
      ]
    case .error:
      return []
    }
    let why =
      switch end.reason {
      case .stuck:
        "The run ends stuck at step \(end.steps): \(stuck) wait for a wake that nothing will ever send."
      case .maxSteps: "The run is still going at step \(end.steps), the step limit."
      default:
        dropped.isEmpty
          ? "Every task is done at step \(end.steps)."
          : "main returns at step \(end.steps) and the runtime drops what is still alive, as tokio does."
      }
    func choice(_ key: String, because: String) -> QuizChoice {
      QuizChoice(texts[key] ?? key, .ending(key), because: because)
    }
    return [
      QuizQuestion(
        .runEnd, askedAt: 0, reveal: end.steps, prompt: "Before the run starts: how does it end?",
        right: choice(key, because: why), wrong: wrong.map { choice($0.key, because: $0.because) })
    ]
  }
}
