import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Testing

// A go trace's timer_set carries the Go call its timer is for, and go
// traces written before the word still read.

@Test func aGoTimersPurposeIsWrittenAndOlderGoTracesWithoutItStillRead() throws {
  // A go trace written before the word: every timer reads, with no purpose,
  // and its note says only that a timer is armed.
  let (_, old) = try timerPurposesReadBack(.go)
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
