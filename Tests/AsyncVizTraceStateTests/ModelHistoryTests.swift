import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// Under the go and threads models a checkpoint keeps what changed in the
/// goroutines' and threads' own state (statuses, run queues, the netpoller's
/// list, the blocked threads) as well as in the task table: a restore applies
/// those changes to the last whole checkpoint, and must give exactly the
/// state that replaying every event from the start gives.

/// Compares `history`'s state after each of `points` (ascending) with one
/// replay from the start, which advances to each in turn.
private func expectRestoresMatchReplay(
  _ history: TraceHistory, _ trace: Trace, at points: [Int], _ label: String
) {
  var replayed = TraceState()
  for n in points {
    TraceReducer.apply(trace.events, upTo: n, to: &replayed)
    #expect(history.state(afterEvents: n) == replayed, "\(label): after \(n) events")
  }
}

/// Every demo, after every event: an interval of 7 events puts checkpoints
/// everywhere (whole ones and up to 63 changes deep), so every kind of
/// change (a goroutine leaving a queue from the middle, a thread blocked and
/// woken, a CPU's queue growing) crosses one.
@Test(arguments: [RuntimeModel.go, .threads])
func everyDemosHistoryEqualsReplayingFromTheStart(model: RuntimeModel) {
  for name in DemoTraces.names {
    let trace = DemoTraces.trace(named: name, model: model)
    let history = TraceHistory(trace: trace, interval: 7)
    expectRestoresMatchReplay(history, trace, at: Array(0...trace.events.count), "\(name) under \(model)")
  }
}

/// Go with four Ps: local run queues, runnext, handoffs and stealing.
@Test func aGoHistoryWithFourPsEqualsReplayingFromTheStart() {
  for name in ["many-requests", "select-timeout", "channel-pipeline", "join-concurrent"] {
    let trace = DemoTraces.goTrace(named: name, procs: 4)
    let history = TraceHistory(trace: trace, interval: 5)
    expectRestoresMatchReplay(history, trace, at: Array(0...trace.events.count), "\(name), 4 Ps")
  }
}

/// A bigger run (thousands of goroutines or threads waiting at once), jumped
/// into at random steps as the view does, against the slow way.
@Test(arguments: [RuntimeModel.go, .threads])
func aBigModelRunsJumpsEqualReplayingFromTheStart(model: RuntimeModel) {
  let trace = DemoTraces.trace(named: "many-requests", model: model, constants: ["requests": 3_000])
  #expect(trace.end?.reason == .completed)
  let history = TraceHistory(trace: trace, interval: 97)
  var rng = SeededRandom(seed: 18)
  var points = (0..<300).map { _ in Int.random(in: 0...trace.events.count, using: &rng) }
  points += [0, 97 * 32, 97 * 32 - 1, 97 * 33 + 5, trace.events.count]
  expectRestoresMatchReplay(history, trace, at: points.sorted(), "many-requests x 3,000 under \(model)")
  // By step too (a finished last step included), in the order drawn.
  for _ in 0..<40 {
    let step = UInt32.random(in: 0...history.lastStep, using: &rng)
    var state = TraceState()
    TraceReducer.apply(trace.events, upTo: history.eventEnd(ofStep: step), to: &state)
    if step == history.lastStep, let end = trace.end { state.finish(end) }
    #expect(history.state(atStep: step) == state, "step \(step)")
  }
}
