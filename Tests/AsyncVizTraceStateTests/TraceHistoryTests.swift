import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

/// The state after `step` computed the slow way: every event from the start.
private func sequentialState(_ trace: Trace, step: UInt32) -> TraceState {
  var state = TraceState()
  let end = trace.events.firstIndex { $0.step > step } ?? trace.events.count
  TraceReducer.apply(trace.events, upTo: end, to: &state)
  if let runEnd = trace.end, step >= (trace.events.last?.step ?? 0) { state.finish(runEnd) }
  return state
}

@Test func jumpingEqualsApplyingFromTheStart() {
  let trace = NativePrograms.sleepers(tasks: 40, rounds: 6)
  #expect(trace.end?.reason == .completed)
  let history = TraceHistory(trace: trace, interval: 97)
  var rng = SeededRandom(seed: 42)
  var steps: [UInt32] = [0, 1, history.lastStep]
  for _ in 0..<60 { steps.append(UInt32.random(in: 0...history.lastStep, using: &rng)) }
  for step in steps {
    let jumped = history.state(atStep: step)
    #expect(jumped == sequentialState(trace, step: step), "step \(step)")
    #expect(jumped.step == step)
  }
}

@Test func steppingBackAndForthGivesTheSameStates() {
  let trace = NativePrograms.dbThenService(handlers: 5)
  let history = TraceHistory(trace: trace, interval: 8)
  let forward = (0...history.lastStep).map { history.state(atStep: $0) }
  let backward = (0...history.lastStep).reversed().map { history.state(atStep: $0) }
  #expect(forward == Array(backward.reversed()))
}

@Test func aLiveHistoryGrowsStepByStep() {
  let runtime = NativePrograms.makeDbThenService(handlers: 3)
  var history = TraceHistory(trace: runtime.trace, interval: 16)
  #expect(history.lastStep == 0 && !history.isComplete)
  var recorded: [TraceState] = []
  while true {
    if case .finished = runtime.step() { break }
    history.sync(with: runtime.trace)
    recorded.append(history.state(atStep: history.lastStep))
  }
  history.sync(with: runtime.trace)
  #expect(history.isComplete)
  let complete = TraceHistory(trace: runtime.trace, interval: 16)
  #expect(complete.lastStep == history.lastStep)
  for (i, state) in recorded.enumerated() where i + 1 < Int(history.lastStep) {
    #expect(state == complete.state(atStep: UInt32(i + 1)))
  }
  #expect(history.state(atStep: history.lastStep) == complete.state(atStep: complete.lastStep))
}

@Test func eventRangesPartitionTheTrace() {
  let trace = NativePrograms.dbThenService(handlers: 2)
  let history = TraceHistory(trace: trace)
  var covered = 0
  for step in 0...history.lastStep {
    let range = history.events(ofStep: step)
    #expect(range.lowerBound == covered)
    #expect(!range.isEmpty)
    #expect(trace.events[range].allSatisfy { $0.step == step })
    covered = range.upperBound
  }
  #expect(covered == trace.events.count)
}

@Test func aLazilyIndexedHistoryGivesTheSameStatesBeforeAndAfterIndexing() {
  let trace = NativePrograms.sleepers(tasks: 30, rounds: 5)
  let eager = TraceHistory(trace: trace, interval: 64)
  var lazy = TraceHistory(trace: trace, interval: 64, indexesAtOnce: false)
  #expect(lazy.indexedEvents == 0 && !lazy.isFullyIndexed)
  var rng = SeededRandom(seed: 9)
  let steps = (0..<40).map { _ in UInt32.random(in: 0...eager.lastStep, using: &rng) }
  for step in steps { #expect(lazy.state(atStep: step) == eager.state(atStep: step), "step \(step)") }
  lazy.index(upTo: trace.events.count / 2)
  #expect(lazy.indexedEvents >= trace.events.count / 2 && !lazy.isFullyIndexed)
  for step in steps { #expect(lazy.state(atStep: step) == eager.state(atStep: step), "step \(step)") }
  lazy.index(upTo: trace.events.count)
  #expect(lazy.isFullyIndexed)
  for step in steps { #expect(lazy.state(atStep: step) == eager.state(atStep: step), "step \(step)") }
}

/// A view reaches a step's states by walking forward from the state before
/// its narrated steps: the walk must give what a jump gives, near or far
/// (past `interval` events it restores instead), and a finished state is
/// never walked from (its stuck tasks are the end's, not an event's).
@Test func aStateWalkedFromAnEarlierOneEqualsAJump() {
  let trace = NativePrograms.sleepers(tasks: 40, rounds: 6)
  let history = TraceHistory(trace: trace, interval: 97)
  var rng = SeededRandom(seed: 7)
  for _ in 0..<80 {
    let a = Int.random(in: 0...trace.events.count, using: &rng)
    let b = min(trace.events.count, a + Int.random(in: 0...300, using: &rng))
    let walked = history.state(afterEvents: b, from: history.state(afterEvents: a))
    #expect(walked == history.state(afterEvents: b), "\(a) -> \(b)")
    #expect(walked.applied == b)
  }
  let last = history.lastStep
  let finished = history.state(atStep: last)
  #expect(finished.end != nil)
  let before = history.state(atStep: last - 1)
  #expect(history.state(atStep: last, from: before) == finished)
  #expect(history.state(atStep: last - 1, from: finished) == before)
}
