import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import Testing

/// A small deterministic generator (SplitMix64), so failures reproduce.
private struct SplitMix {
  var state: UInt64
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}

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
  var random = SplitMix(state: 2024)
  var compiled = 0
  var rejected = 0
  for round in 0..<1500 {
    let demo = DemoCatalog.all[round % DemoCatalog.all.count]
    var scalars = Array(demo.source.unicodeScalars)
    for _ in 0..<(1 + random.next(4)) {
      let at = random.next(scalars.count + 1)
      switch random.next(3) {
      case 0 where at < scalars.count:
        scalars.removeSubrange(at..<min(scalars.count, at + 1 + random.next(8)))
      case 1:
        scalars.insert(contentsOf: fragments[random.next(fragments.count)].unicodeScalars, at: at)
      default:
        let piece = fragments[random.next(fragments.count)].unicodeScalars
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
