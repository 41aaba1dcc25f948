import AsyncVizQuiz

/// Prediction: before a step that a question is about, the view stops and
/// asks; the answer key reveals the step with its narration and why the
/// other answers were wrong.
extension ViewerModel {
  /// Turns prediction on with `options`: a live run is first run to its end
  /// (the questions about its end need it), then the first question due at
  /// the shown step is asked.
  public mutating func startPrediction(_ options: PredictionOptions, feed: any TraceFeed) {
    // The rules ask in tokio's words (run queue, block_on, reactor): asked of a
    // node or go run they would say false things, so those runs get none.
    guard history.trace.program.model == .rust else {
      message =
        "Prediction asks about the rust model's runs only (this run is \(history.trace.program.model.rawValue))."
      return
    }
    runToEnd(feed)
    let plan = QuizPlan(history: history, seed: options.seed, count: options.count, lesson: options.lesson)
    prediction = Prediction(plan: plan)
    let left = plan.questions.filter { $0.askedAtStep >= step }.count
    if !askIfDue() {
      message =
        left == 0
        ? "Prediction on, but no question is left from this step on (g goes to the first step)."
        : "Prediction on: \(left) questions; the view stops before each step that has one (p turns it off)."
    }
  }

  /// `p`: prediction on (with the view's default options) or off.
  mutating func togglePrediction(feed: any TraceFeed) {
    guard let current = prediction else {
      startPrediction(PredictionOptions(), feed: feed)
      return
    }
    prediction = nil
    if case .question = mode { mode = .paused }
    message = "Prediction off. " + (current.score.summary.first ?? "")
  }

  /// Shows the question due at the shown step, if any; whether it did.
  mutating func askIfDue() -> Bool {
    guard var current = prediction, let i = current.due(atStep: step) else { return false }
    current.shown = .asking(i)
    prediction = current
    mode = .question(revealed: false)
    // Also hides the status line's account of the run's end, which would
    // give away the questions about it.
    message = "Question \(i + 1) of \(current.plan.questions.count): predict, then see."
    return true
  }

  /// An answer key: records it and shows the step the question is about
  /// (once the step's last question is answered), with the verdict.
  mutating func answerQuestion(_ choice: Int, feed: any TraceFeed) {
    guard var current = prediction, case .asking(let i)? = current.shown else {
      closeQuestion()
      return
    }
    let question = current.plan.questions[i]
    guard choice < question.choices.count else { return }
    current.score.record(choice, for: question)
    current.done.insert(i)
    current.shown = .revealed(i, chosen: choice)
    prediction = current
    mode = .question(revealed: true)
    if step == question.askedAtStep && current.due(atStep: step) == nil { _ = forward(feed) }
  }

  /// Esc while asking skips the question; any key after the reveal goes on
  /// (to the next question due at this step, if there is one).
  mutating func closeQuestion() {
    mode = .paused
    guard var current = prediction else { return }
    if case .asking(let i)? = current.shown { current.done.insert(i) }
    current.shown = nil
    prediction = current
    if !askIfDue() && current.done.count == current.plan.questions.count {
      message = "Every question is done. " + current.score.summary.joined(separator: " ")
    }
  }
}
