/// One of a question's answers, with why it is right or wrong.
public struct QuizChoice: Sendable, Equatable {
  /// What the learner reads ("#2 handler").
  public var text: String
  /// What it means, for the tests.
  public var value: QuizAnswer
  /// For the correct answer, why it is right; for the others, why each is
  /// wrong, from the facts of this run.
  public var reason: String

  /// Makes a choice.
  public init(_ text: String, _ value: QuizAnswer, because reason: String) {
    self.text = text
    self.value = value
    self.reason = reason
  }
}
