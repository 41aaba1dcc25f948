import AsyncVizQuiz
import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTraceState
import Foundation
import Testing

/// `asyncviz quiz db-then-service` in tmux, as a user runs it on a terminal:
/// the view opens with prediction on, asks, reveals, goes on, and gives the
/// terminal back on q.
// No `.enabled(if:)`: a missing tmux must fail the run, not skip it silently.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct PredictionEndToEndTests {
  @Test func theQuizAsksRevealsStepsOnAndQuits() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let binary = TmuxSession.asyncviz
    // The same questions, computed here: what the screen must ask.
    let plan = QuizPlan(
      history: TraceHistory(trace: DemoTraces.trace(named: "db-then-service")), seed: 3, count: 6)
    let first = plan.questions[0]
    let second = plan.questions[1]
    let session = try TmuxSession(width: 100, height: 30)
    try session.type(
      "\(binary) quiz db-then-service --seed 3; code=$?; stty -a > stty.txt; echo \"exit=$code\" > exit.txt")

    let asking = try session.waitForSettled("the first question") { $0.contains("Predict: question 1 of 6") }
    #expect(asking.contains(first.prompt))
    Golden.check(asking, named: "tmux-quiz-question.txt")

    try session.keys(QuizText.letter(first.correct))
    // Waits for the whole overlay, not its title alone: under load tmux can
    // show a frame that is still being drawn.
    let right = "Right: \(QuizText.choiceLine(first, first.correct))"
    let answer = try session.waitForSettled("the answer") {
      $0.contains("Predict: the answer") && $0.contains(right)
    }
    Golden.check(answer, named: "tmux-quiz-answer.txt")

    // Any key goes on: the second question is about the whole run too.
    try session.keys("x")
    try session.waitFor("the second question") { $0.contains("Predict: question 2 of 6") }
    try session.keys(QuizText.letter((second.correct + 1) % second.choices.count))
    try session.waitFor("the second answer") {
      $0.contains("Not quite: you chose") && $0.contains("Score: 1 of 2")
    }
    try session.keys("x")
    // The view shows step 1 now; n steps on, and the n pressed at the third
    // question's step asks it instead of stepping.
    let third = plan.questions[2]
    #expect(third.askedAtStep >= 1)
    for _ in 0..<Int(third.askedAtStep) { try session.keys("n") }
    try session.waitFor("the third question") {
      $0.contains("Predict: question 3 of 6") && $0.contains(third.prompt)
    }
    try session.keys("p")
    try session.waitFor("prediction off") { $0.contains("Prediction off. Score: 1 of 2") }
    try session.keys("q")

    let exit = try session.waitForFile("exit.txt")
    #expect(exit == "exit=0\n")
    #expect(try session.paneValue("#{alternate_on}") == "0")
    let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
    #expect(stty.contains(" echo") && !stty.contains("-echo "), "echo is off after exit")
  }
}
