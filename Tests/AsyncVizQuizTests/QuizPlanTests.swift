import AsyncVizQuiz
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

@Suite struct QuizPlanTests {
  let history = TraceHistory(trace: DemoTraces.trace(named: "db-then-service"))

  @Test func aSeedGivesTheSameQuestionsInTheSameOrder() {
    let a = QuizPlan(history: history, seed: 7)
    let b = QuizPlan(history: history, seed: 7)
    #expect(a.questions == b.questions)
    #expect(a.questions.count == QuizPlan.defaultCount)
  }

  @Test func seedsChangeTheChoiceAndTheOrderOfAnswers() {
    let plans = (1...8).map { QuizPlan(history: history, seed: UInt64($0)) }
    #expect(Set(plans.map { $0.questions.map(\.askedAtStep) }).count > 1)
    #expect(Set(plans.map { $0.questions.map(\.correct) }).count > 1)
  }

  @Test func aQuizMixesTheKindsAndFollowsTheSteps() {
    let plan = QuizPlan(history: history, seed: 3)
    #expect(Set(plan.questions.map(\.kind)).count == plan.questions.count)
    #expect(plan.questions.map(\.askedAtStep) == plan.questions.map(\.askedAtStep).sorted())
    // Shuffling keeps each question's right answer right.
    let candidates = QuestionGenerator.candidates(for: history)
    for question in plan.questions {
      let original = candidates.first {
        $0.prompt == question.prompt && $0.askedAtStep == question.askedAtStep
      }
      #expect(original?.answer == question.answer)
    }
  }

  @Test func theScoreListsTheConceptsMissedOnce() throws {
    let plan = QuizPlan(history: history, seed: 1)
    var score = QuizScore()
    for question in plan.questions {
      score.record((question.correct + 1) % question.choices.count, for: question)
    }
    #expect(score.right == 0)
    #expect(score.missed.count == Set(plan.questions.map(\.kind)).count)
    #expect(score.summary.first == "Score: 0 of \(plan.questions.count)")
  }

  @Test func answersAreLettersOrNumbers() {
    #expect(QuizText.answerIndex("b", choices: 3) == 1)
    #expect(QuizText.answerIndex(" C ", choices: 3) == 2)
    #expect(QuizText.answerIndex("1", choices: 3) == 0)
    #expect(QuizText.answerIndex("d", choices: 3) == nil)
    #expect(QuizText.answerIndex("4", choices: 3) == nil)
    #expect(QuizText.answerIndex("ab", choices: 3) == nil)
    #expect(QuizText.answerIndex("", choices: 3) == nil)
  }
}
