import AsyncVizQuiz

/// The view's prediction mode: the quiz's questions, which are done, the
/// one on screen, and the score.
public struct Prediction: Sendable {
  /// What the question overlay shows.
  public enum Shown: Sendable, Equatable {
    /// Question `index` of the plan, waiting for an answer.
    case asking(Int)
    /// Question `index`, answered with `chosen`: the answer and why.
    case revealed(Int, chosen: Int)
  }

  /// The questions.
  public let plan: QuizPlan
  /// The answers so far.
  public internal(set) var score = QuizScore()
  /// The overlay, if one shows.
  public internal(set) var shown: Shown?
  /// Questions answered or skipped: never asked again, even after stepping back.
  var done: Set<Int> = []

  init(plan: QuizPlan) { self.plan = plan }

  /// The first question due while `step` is shown and not yet done.
  func due(atStep step: UInt32) -> Int? {
    plan.questions(atStep: step).first { !done.contains($0) }
  }
}
