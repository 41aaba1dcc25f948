/// The answers given so far: the score, and the concepts behind the wrong ones.
public struct QuizScore: Sendable, Equatable {
  /// Questions answered.
  public private(set) var answered = 0
  /// Answered right.
  public private(set) var right = 0
  /// The kinds answered wrong, each once, in the order first missed.
  public private(set) var missed: [QuestionKind] = []

  /// No answers yet.
  public init() {}

  /// Records `choice` as the answer to `question`; whether it is right.
  @discardableResult
  public mutating func record(_ choice: Int, for question: QuizQuestion) -> Bool {
    answered += 1
    if choice == question.correct {
      right += 1
      return true
    }
    if !missed.contains(question.kind) { missed.append(question.kind) }
    return false
  }

  /// "Score: 4 of 6", then the concepts missed (or that none were).
  public var summary: [String] {
    var lines = ["Score: \(right) of \(answered)"]
    if answered > 0 && missed.isEmpty {
      lines.append("No concept missed.")
    } else if !missed.isEmpty {
      lines.append("Concepts to look at again:")
      lines += missed.map { "  - \($0.concept)" }
    }
    return lines
  }
}
