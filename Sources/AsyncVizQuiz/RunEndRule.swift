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
    let finish = "It finishes: every task is done"
    let drop = "main finishes, and the runtime drops the tasks still alive"
    let hang = "It gets stuck: a task waits for a wake that never comes"
    let limit = "It never ends by itself: it runs into the step limit"
    var choices: [(String, String, String)] = []  // text, key, reason it is wrong
    let key: String
    switch end.reason {
    case .completed where !dropped.isEmpty:
      key = "dropped"
      let names = dropped.map(run.label).joined(separator: ", ")
      choices = [
        (
          finish, "completed",
          "\(names) never finish: main returns first, and the runtime drops them unfinished."
        ),
        (hang, "stuck", "Nothing is left waiting: main returns, and \(names) are dropped."),
        (limit, "max-steps", "The run ends by itself at step \(end.steps), when main returns."),
      ]
    case .completed:
      key = "completed"
      choices = [
        (drop, "dropped", "No task is left when main returns: each one finished first."),
        (hang, "stuck", "Every task that waits is woken in the end: none is left pending."),
        (limit, "max-steps", "The run ends by itself at step \(end.steps), with every task done."),
      ]
    case .stuck:
      key = "stuck"
      choices = [
        (finish, "completed", "\(stuck) never finish: each is pending and nothing can ever wake it."),
        (drop, "dropped", "main does not finish, so nothing is dropped: \(stuck) stay pending forever."),
        (
          limit, "max-steps",
          "The run stops at step \(end.steps): no task is ready and nothing can wake one, so there is "
            + "nothing left to step (real tokio would park forever)."
        ),
      ]
    case .maxSteps:
      key = "max-steps"
      choices = [
        (
          finish, "completed",
          "Tasks are still running at step \(end.steps), when the step limit stops the run."
        ),
        (hang, "stuck", "It is not stuck: tasks are still ready to run when the step limit stops it."),
        (drop, "dropped", "main is not done when the step limit stops the run."),
      ]
    case .error:
      return []
    }
    let texts = [
      "completed": finish, "dropped": drop, "stuck": hang, "max-steps": limit,
    ]
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
    let right = QuizChoice(texts[key] ?? key, .ending(key), because: why)
    let wrong = choices.map { QuizChoice($0.0, .ending($0.1), because: $0.2) }
    return [
      QuizQuestion(
        .runEnd, askedAt: 0, reveal: end.steps, prompt: "Before the run starts: how does it end?",
        right: right,
        wrong: wrong)
    ]
  }
}
