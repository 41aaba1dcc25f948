import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

@testable import AsyncVizTraceState

// The short forms of the models whose notes have none written for them
// (node, threads, go's own): a long note is told by its first clause.

@Test func aLongNoteIsToldByItsFirstClause() {
  #expect(
    TraceState.firstClause(of: "The microtask queue runs its front job (1 queued): a contender settles late.")
      == "The microtask queue runs its front job (1 queued)")
  #expect(
    TraceState.firstClause(of: "#1 main calls nanosleep until 50.003 ms: the kernel takes it off the CPU.")
      == "#1 main calls nanosleep until 50.003 ms")
  // A label's colon, an aside's semicolon, a quoted print and a decimal point are not clause ends.
  #expect(
    TraceState.firstClause(of: "#3 helper: sleep sleeps in nanosleep; it wakes at 50 ms")
      == "#3 helper: sleep sleeps in nanosleep")
  let aside = "#1 main will be called first (Node makes 0 ms 1 ms; the clock starts there)"
  #expect(TraceState.firstClause(of: aside) == aside)
  let quoted = "#2 worker prints \"step 1: done. next\" to stdout"
  #expect(TraceState.firstClause(of: quoted) == quoted)
  // A first clause of under 20 bytes says less than what follows it.
  let short = "Nothing is due now: the poll phase blocks in epoll_wait for 30 ms"
  #expect(TraceState.firstClause(of: short) == short)
}

@Test(arguments: [RuntimeModel.node, .threads, .go])
func everyShortFormOfAModelWithoutWrittenOnesIsTheNoteOrItsFirstClause(model: RuntimeModel) {
  var cut = 0
  for name in ["db-then-service", "lazy-future", "select-timeout", "channel-pipeline"] {
    let trace = DemoTraces.trace(named: name, model: model)
    var state = TraceState()
    for i in 0..<trace.events.count {
      let full = state.note(forEvent: i, in: trace)
      let brief = state.briefNote(forEvent: i, in: trace)
      if brief.isEmpty || !full.hasPrefix(brief) {
        // Go tells the events its scheduler does not change in rust's words, short forms included.
        #expect(model == .go, "\(model) \(name) event \(i): \(brief)")
      } else if brief.utf8.count < full.utf8.count {
        cut += 1
        #expect(full.utf8.count > TraceState.longBrief)
        let next = full.utf8.dropFirst(brief.utf8.count).prefix(2)
        #expect([": ", "; ", ". "].contains(String(decoding: next, as: UTF8.self)), "\(full)")
      }
      TraceReducer.apply(trace.events, upTo: i + 1, to: &state)
    }
  }
  #expect(cut > 0, "\(model): no long note was shortened")
}
