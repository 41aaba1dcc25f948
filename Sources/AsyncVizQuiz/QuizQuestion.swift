import AsyncVizTrace

/// A question about a run, asked at a step before what it asks about is shown.
public struct QuizQuestion: Sendable, Equatable {
  /// The rule that made it (and the concept it tests).
  public var kind: QuestionKind
  /// The step shown when the question is asked: the answer lies after it.
  public var askedAtStep: UInt32
  /// The step whose narration explains the answer.
  public var revealStep: UInt32
  /// The question.
  public var prompt: String
  /// Three or four answers.
  public var choices: [QuizChoice]
  /// The index of the correct one in `choices`.
  public var correct: Int
  /// Written by the demo's lesson (`LessonQuestion`), not by a rule.
  public internal(set) var fromLesson = false

  /// Makes a question whose correct answer is `right`, followed by `wrong`.
  init(
    _ kind: QuestionKind, askedAt step: UInt32, reveal: UInt32, prompt: String, right: QuizChoice,
    wrong: [QuizChoice]
  ) {
    self.kind = kind
    self.askedAtStep = step
    self.revealStep = reveal
    self.prompt = prompt
    // A distractor that reads or means the same as another answer is dropped:
    // no question has two right answers or two identical ones.
    var choices = [right]
    for choice in wrong
    where !choices.contains(where: { $0.value == choice.value || $0.text == choice.text }) {
      choices.append(choice)
    }
    self.choices = Array(choices.prefix(4))
    self.correct = 0
  }

  /// The correct answer's meaning.
  public var answer: QuizAnswer { choices[correct].value }

  /// The same question with its answers in the order `order` (a permutation
  /// of the indices).
  func reordered(_ order: [Int]) -> QuizQuestion {
    var copy = self
    copy.choices = order.map { choices[$0] }
    copy.correct = order.firstIndex(of: correct) ?? 0
    return copy
  }
}
