import AsyncVizTrace

/// What an answer says, as a value a test can compare with the trace
/// without reading the text: the task polled, the tasks woken in order, a
/// poll's result, a clock reading, a printed line.
public enum QuizAnswer: Sendable, Hashable {
  /// A task (the one polled next).
  case task(TaskID)
  /// Tasks in order (the ones a reactor turn wakes); empty: none.
  case tasks([TaskID])
  /// A poll's result, what it then waits on and the line it stops at
  /// (`.nothing` and 0 for Ready).
  case poll(PollResult, Awaited, line: Int32)
  /// Something no poll does (block the thread, wait for the tasks it
  /// spawns), named by a short key: a trap, never the right answer.
  case impossible(String)
  /// No task: the reactor turns first.
  case reactorTurn
  /// A reading of the trace's clock, in microseconds.
  case time(Int64)
  /// A line the program prints.
  case line(String)
  /// Who wakes a task: a `WakeSource` name, or "nobody".
  case wakeBy(String)
  /// How the run ends: an `EndReason` name, or "dropped" (main completed and
  /// the runtime dropped tasks still alive).
  case ending(String)
}

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
