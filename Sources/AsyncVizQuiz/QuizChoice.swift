import AsyncVizTrace

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

  /// A clock reading, shown as the trace shows one ("40.000 ms"), so its
  /// text never says another time than its value.
  public static func time(_ us: Int64, because reason: String) -> QuizChoice {
    QuizChoice(DurationText.instant(us), .time(us), because: reason)
  }

  /// A printed line, shown as printed.
  public static func line(_ text: String, because reason: String) -> QuizChoice {
    QuizChoice(text, .line(text), because: reason)
  }
}
