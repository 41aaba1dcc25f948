import AsyncVizTranslate
import Testing

@Suite struct OracleOutputTests {
  @Test func markersSplitTheOutputPerProgram() {
    let output = """
      ##oracle start db-then-service
      handled 1: svc.call(x)
      ##oracle end db-then-service 65000
      ##oracle start with spaces
      ##oracle end with spaces 7
      ##oracle start lost-waker
      waiting for something that will never come
      ##oracle stuck lost-waker

      """
    let outcomes = OracleOutput.parse(output)
    #expect(
      outcomes["db-then-service"]
        == ProgramOutcome(lines: ["handled 1: svc.call(x)"], end: .finished(us: 65000)))
    #expect(outcomes["with spaces"] == ProgramOutcome(lines: [], end: .finished(us: 7)))
    #expect(
      outcomes["lost-waker"]
        == ProgramOutcome(lines: ["waiting for something that will never come"], end: .stuck))
    #expect(outcomes.count == 3)
  }

  @Test func agreementNeedsEqualLinesAndTimeWithSlackOnlyForLater() {
    let model = ProgramOutcome(lines: ["a", "b"], end: .finished(us: 100))
    #expect(model.agrees(with: model))
    #expect(!model.agrees(with: ProgramOutcome(lines: ["b", "a"], end: .finished(us: 100))))
    #expect(!model.agrees(with: ProgramOutcome(lines: ["a", "b"], end: .finished(us: 101))))
    #expect(model.agrees(with: ProgramOutcome(lines: ["a", "b"], end: .finished(us: 120)), slackUs: 20))
    #expect(!model.agrees(with: ProgramOutcome(lines: ["a", "b"], end: .finished(us: 99)), slackUs: 20))
    #expect(!model.agrees(with: ProgramOutcome(lines: ["a", "b"], end: .stuck)))
  }
}
