import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Testing

// A go trace's timer_set carries the Go call its timer is for, and go
// traces written before the word still read.

@Test func aGoTimersPurposeIsWrittenAndOlderGoTracesWithoutItStillRead() throws {
  let trace = DemoTraces.trace(named: "select-timeout", model: .go)
  let text = String(decoding: TraceJSONWriter.encode(trace), as: UTF8.self)
  for purpose in TimerPurpose.allCases {
    #expect(text.contains(",\"purpose\":\"\(purpose.name)\",\"note\":"))
  }
  let read = try TraceJSONReader.decode(Array(text.utf8), name: "t.json")
  #expect(TraceJSONWriter.encode(read) == Array(text.utf8))
  // A go trace written before the word: every timer reads, with no purpose,
  // and its note says only that a timer is armed.
  let older = text.replacing(/,"purpose":"[a-z]+"/, with: "")
  let old = try TraceJSONReader.decode(Array(older.utf8), name: "t.json")
  #expect(old.events.count == trace.events.count)
  var timers = 0
  for (event, note) in zip(old.events, old.notes()) {
    if case .timerFire = event.payload {
      #expect(note.hasPrefix("checkTimers finds the timer of "), "\(note)")
    }
    guard case .timerSet(_, _, let purpose) = event.payload else { continue }
    timers += 1
    #expect(purpose == nil)
    #expect(note.contains(" arms a timer") && !note.contains("time."), "\(note)")
  }
  #expect(timers > 0)
}
