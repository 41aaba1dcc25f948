import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// Demos that together arm every kind of timer: a sleep, timeout's timer and
/// a resource call's latency.
private let timerDemos = ["select-timeout", "timers", "db-then-service", "join-concurrent"]

/// Each timer's purpose as a model's run shows it, worked out from the run
/// independently of the word the trace carries: keyed by the index of the
/// `timer_set` and of the `timer_fire` that ends it.
typealias TimerPurposes = (set: [Int: TimerPurpose], fire: [Int: TimerPurpose])

/// What a model's notes say of its timers, over the timer demos run by
/// `trace`: each `timer_set` records the purpose its run shows (`derive`),
/// and its note says `armed(purpose, how far ahead the deadline is)`; each
/// `timer_fire` paired with an arming has a note that says `fired(purpose)`;
/// the demos arm every purpose. `everyTimerFires`: the model fires every
/// timer it arms in these demos. `vague`: words no timer note may fall back on.
func expectTimerNotesNameTheirPurpose(
  trace: (String) -> Trace, derive: (Trace) -> TimerPurposes, everyTimerFires: Bool, vague: String? = nil,
  armed: (TimerPurpose, _ afterUs: Int64) -> String, fired: (TimerPurpose) -> String
) {
  var seen: Set<TimerPurpose> = []
  for name in timerDemos {
    let trace = trace(name)
    let notes = trace.notes()
    let derived = derive(trace)
    let sets = trace.events.indices.filter {
      if case .timerSet = trace.events[$0].payload { true } else { false }
    }
    #expect(!sets.isEmpty && derived.set.count == sets.count, "\(name)")
    if everyTimerFires { #expect(derived.fire.count == sets.count, "\(name)") }
    for i in sets {
      guard case .timerSet(_, let deadline, let recorded) = trace.events[i].payload,
        let purpose = derived.set[i]
      else { continue }
      #expect(recorded == purpose, "\(name) event \(i)")
      seen.insert(purpose)
      let after = deadline - trace.events[i].tUs
      #expect(after % 1000 == 0, "the demos' durations are whole milliseconds")
      #expect(notes[i].contains(armed(purpose, after)), "\(notes[i])")
      if let vague { #expect(!notes[i].contains(vague), "\(notes[i])") }
    }
    // The note of the event that runs the timer names the same purpose.
    for (i, purpose) in derived.fire {
      #expect(notes[i].contains(fired(purpose)), "\(notes[i])")
    }
  }
  #expect(seen == Set(TimerPurpose.allCases))
}
