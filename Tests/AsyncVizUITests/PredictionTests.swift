import AsyncVizQuiz
import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizUI
import Testing

/// The view's prediction mode: it stops before the steps a question is
/// about, the answer key shows that step and the verdict, and no question is
/// asked twice.
@Suite struct PredictionTests {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))

  /// A viewer with prediction on as `asyncviz quiz db-then-service --seed 3` opens it.
  func predicting() -> ViewerModel {
    var model = ViewerModel(feed: feed)
    model.startPrediction(PredictionOptions(seed: 3, count: 6), feed: feed)
    return model
  }

  func screen(_ model: ViewerModel) -> String {
    ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions()).text
  }

  @Test func theFirstQuestionIsAskedAtOnceAndTheAnswerKeyRevealsIt() throws {
    var model = predicting()
    let plan = try #require(model.prediction?.plan)
    #expect(model.mode == .question(revealed: false))
    #expect(model.prediction?.shown == .asking(0))
    let first = plan.questions[0]
    model.apply([.answer(first.correct)], feed: feed)
    #expect(model.mode == .question(revealed: true))
    #expect(model.prediction?.score.right == 1)
    #expect(screen(model).contains("Right: \(QuizText.choiceLine(first, first.correct))"))
    // Two questions are about the whole run: the second is asked before step 1 is shown.
    model.apply([.closeQuestion], feed: feed)
    #expect(model.prediction?.shown == .asking(1) && model.step == 0)
  }

  @Test func steppingStopsBeforeEachQuestionsStepAndShowsItOnceAnswered() throws {
    var model = predicting()
    let plan = try #require(model.prediction?.plan)
    var asked: [UInt32] = []
    var done: Set<Int> = []
    var guardSteps = 0
    while guardSteps < 200 {
      guardSteps += 1
      if case .question(revealed: false) = model.mode, case .asking(let i)? = model.prediction?.shown {
        #expect(model.step == plan.questions[i].askedAtStep)
        asked.append(model.step)
        // Keys other than an answer, Esc, p and q do nothing while a question shows.
        #expect(KeyMap.action(for: .character("n"), in: model.mode) == nil)
        model.apply([KeyMap.action(for: .character("b"), in: model.mode)].compactMap { $0 }, feed: feed)
        done.insert(i)
        // The step asked about shows once the step's last question is answered.
        let moreHere = plan.questions(atStep: plan.questions[i].askedAtStep).contains { !done.contains($0) }
        #expect(model.step == plan.questions[i].askedAtStep + (moreHere ? 0 : 1))
        model.apply([KeyMap.action(for: .character("x"), in: model.mode)].compactMap { $0 }, feed: feed)
        continue
      }
      if model.isAtEnd { break }
      model.apply([.stepForward], feed: feed)
    }
    #expect(asked == plan.questions.map(\.askedAtStep))
    #expect(model.prediction?.score.answered == plan.questions.count)
    #expect(model.message?.hasPrefix("Every question is done. Score:") == true)
    // Going back never asks again.
    model.apply([.first, .stepForward], feed: feed)
    #expect(model.mode == .paused && model.step == 1)
  }

  @Test func pTurnsPredictionOnAndOff() {
    var model = ViewerModel(feed: feed)
    #expect(KeyMap.action(for: .character("p"), in: model.mode) == .togglePrediction)
    model.apply([.togglePrediction], feed: feed)
    #expect(model.prediction != nil)
    #expect(model.mode == .question(revealed: false))
    model.apply([.togglePrediction], feed: feed)
    #expect(model.prediction == nil && model.mode == .paused)
    #expect(KeyMap.helpLines(glyphs: .unicode).contains { $0.keys == "p" })
  }

  @Test func theQuestionAndTheAnswerOnScreen() throws {
    var model = predicting()
    let plan = try #require(model.prediction?.plan)
    // The reactor-turn question: asked after step 8, about step 9.
    let i = try #require(plan.questions.firstIndex { $0.kind == .reactorWakes })
    while model.prediction?.shown != .asking(i) {
      if case .question = model.mode {
        model.apply([.closeQuestion], feed: feed)
      } else {
        model.apply([.stepForward], feed: feed)
      }
    }
    Golden.check(screen(model), named: "prediction-question.txt")
    model.apply([.answer((plan.questions[i].correct + 1) % plan.questions[i].choices.count)], feed: feed)
    #expect(model.step == plan.questions[i].revealStep)
    Golden.check(screen(model), named: "prediction-answer.txt")
  }
}
