import ArgumentParser
import AsyncVizExamples
import AsyncVizLang
import AsyncVizQuiz
import AsyncVizRuntime
import AsyncVizTraceState
import AsyncVizUI

/// `asyncviz quiz NAME|FILE.av`: predict, then see. The program runs first
/// (on the sim backend: the same run every time), then questions generated
/// from its trace are asked before the steps they are about.
struct QuizCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quiz",
    abstract: "Predict what the scheduler does next, then see: questions from the run's own trace.",
    discussion: """
      On a terminal the full-screen view opens with prediction on (p turns it off). With --plain, or \
      without a terminal, each question is printed and the answer (a letter or a number) is read \
      from standard input, one per line; the score and the concepts missed come at the end.
      """)

  @Argument(help: "A demo name or a .av file.")
  var program: String

  @Option(
    help:
      "Choose the questions and the order of their answers reproducibly (default: a random seed, printed).")
  var seed: UInt64?

  @Option(help: "How many questions to ask.")
  var questions: Int = QuizPlan.defaultCount

  @OptionGroup var display: DisplayOptions

  mutating func validate() throws {
    if questions < 1 { throw ValidationError("--questions must be at least 1") }
  }

  func run() throws {
    try display.checkExport(inputs: [program])
    let (file, _) = try ProgramLoader.demoOrFile(program)
    let compiled = try ProgramLoader.compile(file)
    ProgramLoader.printWarnings(compiled)
    let runtime = compiled.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
    runtime.run()
    let trace = runtime.trace
    let seed = self.seed ?? UInt64.random(in: 1...999_999)
    // A demo's lesson may add questions of its own (a file of the same name gets none).
    let isDemo = !program.hasSuffix(".av") && !program.contains("/") && DemoCatalog.named(program) != nil
    let lesson = isDemo ? LessonQuestions.named(program) : []
    if display.wantsTranscript {
      let history = TraceHistory(trace: trace)
      var quiz = PlainQuiz(plan: QuizPlan(history: history, seed: seed, count: questions, lesson: lesson))
      try quiz.run(history: history)
    } else {
      var prediction = PredictionOptions(seed: seed, count: questions)
      prediction.lesson = lesson
      try display.view(SavedTraceFeed(trace: trace), inputs: [program], prediction: prediction)
    }
    try display.exportIfAsked(trace, inputs: [program])
  }
}
