import AsyncVizQuiz
import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#endif

/// The quiz without a screen: questions on standard output, answers from
/// standard input (a letter or a number per line), so that it can be
/// scripted. The end of the input ends the quiz with the score so far.
struct PlainQuiz {
  /// Wrong inputs in a row to one question before the quiz gives up (exit 2).
  static let retries = 3

  let plan: QuizPlan
  private(set) var score = QuizScore()

  init(plan: QuizPlan) { self.plan = plan }

  /// Asks every question; a run of unusable answers is exit 2.
  mutating func run(history: TraceHistory) throws(CLIError) {
    let trace = history.trace
    let total = plan.questions.count
    say(
      "asyncviz quiz: \(trace.program.name) (seed \(plan.seed): --seed \(plan.seed) asks the same questions again)"
    )
    guard total > 0 else {
      say("This run has nothing to ask about: it has too few steps. Try a demo: asyncviz list.")
      return
    }
    say(
      "\(English.count(total, "question")) about this run. Answer each with its letter or number, then Enter."
    )
    for (n, question) in plan.questions.enumerated() {
      say("")
      say("Question \(n + 1) of \(total)")
      if question.kind.isAboutOneStep {
        for line in QuizText.situation(question, history: history) { say(line) }
      }
      say(question.prompt)
      for i in question.choices.indices { say("  \(QuizText.choiceLine(question, i))") }
      guard let choice = try answer(question) else {
        say("")
        say("(the input ended: the quiz stops here)")
        break
      }
      score.record(choice, for: question)
      for line in QuizText.verdict(question, chosen: choice) { say(line) }
      say("What the run did (step \(question.revealStep)):")
      for note in QuizText.narration(question, history: history) { say("  \(note)") }
      say("The other answers:")
      for line in QuizText.otherReasons(question) { say("  \(line)") }
    }
    say("")
    for line in score.summary { say(line) }
  }

  /// Reads answers until one is usable; nil at the end of the input.
  private func answer(_ question: QuizQuestion) throws(CLIError) -> Int? {
    let last = QuizText.letter(question.choices.count - 1)
    for _ in 0..<Self.retries {
      prompt("answer> ")
      guard let line = readLine() else { return nil }
      // A terminal echoes what was typed; a script's answers are shown, so
      // that the transcript reads like a session.
      if isatty(0) == 0 { say(line) }
      if let choice = QuizText.answerIndex(line, choices: question.choices.count) { return choice }
      say(
        "'\(TerminalText.visible(line))' is not an answer: type a letter a-\(last) or a number 1-\(question.choices.count)."
      )
    }
    say("")
    for line in score.summary { say(line) }
    throw CLIError("error: no answer among a-\(last) after \(Self.retries) tries; the quiz stops.")
  }

  private func say(_ line: String) {
    print(line)
  }

  private func prompt(_ text: String) {
    print(text, terminator: "")
    fflush(nil)
  }
}
