import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// The history of a large run stays within a budget of bytes per event: its
/// checkpoints store the tasks that changed, not whole states. Whole-state
/// checkpoints grow with tasks x checkpoints (for 2,000 tasks every 1,024
/// events, about 220 bytes per event on their own), which this budget does
/// not leave room for, so a regression to them fails here (not timed: the
/// bytes are the history's arrays, counted by `storedBytes`).
@Test func aLargeHistoryStaysWithinABudgetOfBytesPerEvent() {
  let trace = NativePrograms.sleepers(tasks: 2_000, rounds: 10)
  #expect(trace.end?.reason == .completed)
  let interval = 1_024
  let history = TraceHistory(trace: trace, interval: interval)
  let events = trace.events.count
  let eventBytes = MemoryLayout<TraceEvent>.stride
  // The events themselves (held once, shared with the trace), plus 150 bytes
  // an event for the checkpoints: the tasks an interval changed, the run
  // queue and the timers (the parts kept whole), a full checkpoint in 32
  // (about 90 today).
  let budget = events * (eventBytes + 150)
  print(
    "history of \(events) events, \(trace.tasks.count) tasks: \(history.storedBytes / events) bytes per event"
      + " (\(eventBytes) of them the event), budget \(budget / events)")
  #expect(
    history.storedBytes <= budget,
    "\(history.storedBytes / events) bytes per event, budget \(budget / events) (\(events) events)")
  // What whole-state checkpoints would take for the tasks alone: more than the checkpoints' share.
  let wholeStates = (events / interval) * trace.tasks.count * MemoryLayout<TaskInfo>.stride
  #expect(wholeStates > budget - events * eventBytes)
  // Still exact: a state restored from the changes is the one the events give.
  var state = TraceState()
  for n in [0, interval - 1, interval * 7 + 3, interval * 40, events / 2, events - 1, events] {
    TraceReducer.apply(trace.events, upTo: n, to: &state)
    #expect(history.state(afterEvents: n) == state, "after \(n) events")
  }
}
