import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

/// Pieces worth splicing into programs: tokens that matter to each checker stage.
private let fragments = [
  "await ", "spawn ", "(", ")", "{", "}", "\"", "{x}", "\n", "\r\n", "\t", "5ms", "-1s", "99999s", ",",
  "..", "==", "[0]", "[9]", "none", "main", "join(", "select(", "timeout(", "sleep(", "yield_now()",
  "lost_waker()", "self_wake(3)", "block(1ms)", ".send(1)", ".recv()", "repeat 3 {", "for i in 0..2 {",
  "if 1 == 1 {", "} else {", "return ", "let f = ", "#", "//", "\u{0}", "é", "\u{1F600}",
]

/// Mutates demo programs thousands of ways: each must either compile or be
/// rejected with a diagnostic inside the file, and a program that compiles
/// must run to an end within a step bound. A crash fails the whole test run.
@Test func mutatedProgramsAreRejectedCleanlyOrRunToAnEnd() throws {
  // A seeded generator, so failures reproduce.
  var random = SeededRandom(seed: 2024)
  var compiled = 0
  var rejected = 0
  for round in 0..<1500 {
    let demo = DemoCatalog.all[round % DemoCatalog.all.count]
    var scalars = Array(demo.source.unicodeScalars)
    for _ in 0..<random.int(1...4) {
      let at = random.int(0...scalars.count)
      switch random.int(0...2) {
      case 0 where at < scalars.count:
        scalars.removeSubrange(at..<min(scalars.count, at + random.int(1...8)))
      case 1:
        scalars.insert(contentsOf: random.pick(fragments).unicodeScalars, at: at)
      default:
        let piece = random.pick(fragments).unicodeScalars
        scalars.replaceSubrange(at..<min(scalars.count, at + piece.count), with: piece)
      }
    }
    let text = String(String.UnicodeScalarView(scalars))
    let file = SourceFile(name: "m.av", text: text)
    do {
      let program = try CompiledProgram.compile(file)
      compiled += 1
      let runtime = program.makeRuntime(
        backend: SimBackend(), options: RuntimeOptions(maxSteps: 3_000),
        limits: Limits(instructionsPerPoll: 20_000))
      _ = runtime.run()
      #expect(runtime.end != nil)
    } catch {
      rejected += 1
      let lines = file.lineCount
      #expect(error.line >= 1 && error.line <= lines, "\(error.rendered)")
      #expect(
        error.column >= 1 && error.column <= error.sourceLine.unicodeScalars.count + 1, "\(error.rendered)")
    }
  }
  // Both paths were exercised.
  #expect(compiled > 50)
  #expect(rejected > 500)
}
