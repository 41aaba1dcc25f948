/// A question a lesson writes for its demo, in its own words and with its
/// own traps. It is asked only if the trace agrees: a rule must ask the same
/// kind at the same step and give the same answer (it then takes that
/// question's place), so a lesson can never state an answer the run did not
/// give.
public struct LessonQuestion: Sendable, Equatable {
  /// What it asks about (and the concept a wrong answer missed).
  public var kind: QuestionKind
  /// The step shown when it is asked.
  public var askedAtStep: UInt32
  /// The question.
  public var prompt: String
  /// The right answer, with why.
  public var right: QuizChoice
  /// Two or three traps, each with why it is wrong.
  public var wrong: [QuizChoice]

  /// A hand-written question.
  public init(_ kind: QuestionKind, at step: UInt32, _ prompt: String, right: QuizChoice, wrong: [QuizChoice])
  {
    self.kind = kind
    self.askedAtStep = step
    self.prompt = prompt
    self.right = right
    self.wrong = wrong
  }

  /// The question to ask in place of `generated` (the rule's question of
  /// the same kind and step), or nil if the trace gives another answer.
  func replacing(_ generated: QuizQuestion) -> QuizQuestion? {
    guard generated.kind == kind, generated.askedAtStep == askedAtStep, generated.answer == right.value else {
      return nil
    }
    var question = QuizQuestion(
      kind, askedAt: askedAtStep, reveal: generated.revealStep, prompt: prompt, right: right, wrong: wrong)
    question.fromLesson = true
    return question
  }
}
