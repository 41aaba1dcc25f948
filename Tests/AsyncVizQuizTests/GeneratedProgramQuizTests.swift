import AsyncVizLang
import AsyncVizQuiz
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizTranslate
import Testing

/// The rules on programs no lesson was written for: the seeded programs of
/// the differential tests (spawns, joins, selects, timeouts, channels,
/// sleeps, yields). Every question's answer must still be what the trace did.
@Suite struct GeneratedProgramQuizTests {
  @Test func everyQuestionOfAGeneratedProgramIsAnsweredByItsTrace() {
    let generator = ProgramGenerator()
    var asked = 0
    var kinds: Set<QuestionKind> = []
    for seed in 1...40 as ClosedRange<UInt64> {
      let generated = generator.generate(seed: seed)
      let runtime = generated.program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
      runtime.run()
      let trace = runtime.trace
      for question in QuestionGenerator.candidates(for: TraceHistory(trace: trace)) {
        asked += 1
        kinds.insert(question.kind)
        let expected = answerFromEvents(question, in: trace)
        #expect(
          question.answer == expected,
          "program seed \(seed), step \(question.askedAtStep): \(question.prompt)\n\(generated.source)")
        #expect(question.choices.filter { $0.value == expected }.count == 1)
        #expect((3...4).contains(question.choices.count))
      }
    }
    #expect(asked > 200)
    #expect(kinds == Set(QuestionKind.allCases))
  }
}
