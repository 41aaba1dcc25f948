import AsyncVizLang
import AsyncVizTranslate
import Testing

@Suite struct ProgramGeneratorTests {
  @Test func everyGeneratedProgramCompilesInAsyncviz() throws {
    let generator = ProgramGenerator()
    for seed in UInt64(1)...300 {
      let g = generator.generate(seed: seed)
      do {
        _ = try CompiledProgram.compile(SourceFile(name: "\(g.name).av", text: g.source))
      } catch {
        Issue.record("seed \(seed) does not compile:\n\(error.rendered)\n\(g.source)")
      }
    }
  }

  @Test func aSeedGivesTheSameProgramEveryTime() {
    let generator = ProgramGenerator()
    for seed: UInt64 in [1, 7, 123_456] {
      #expect(generator.generate(seed: seed).source == generator.generate(seed: seed).source)
    }
    #expect(generator.generate(seed: 1).source != generator.generate(seed: 2).source)
  }

  @Test func programsMixTheConstructsTheTestsNeed() {
    let generator = ProgramGenerator()
    let all = (UInt64(1)...200).map { generator.generate(seed: $0).source }.joined()
    for construct in [
      "spawn ", "await ", "join(", "select(", "timeout(", "sleep(", "yield_now()", ".send(", ".recv()",
      "repeat ", "for ", "sleep(0ms)", "= await f\n",
    ] {
      #expect(all.contains(construct), "no generated program uses \(construct)")
    }
  }

  @Test func generatedProgramsEndWithoutSimultaneousWakeups() {
    let generator = ProgramGenerator()
    for seed in UInt64(1)...100 {
      let g = generator.generate(seed: seed)
      let outcome = ProgramOutcome.model(g.program)
      guard case .finished = outcome.end else {
        Issue.record("seed \(seed) did not complete: \(outcome)")
        continue
      }
    }
  }
}
