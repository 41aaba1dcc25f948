import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizTranslate
import AsyncVizUI

/// The front end's speed figures: one full frame of a busy run
/// rendered into the cell buffer and diffed against the previous frame, and
/// a jump to a random step of a 1,000,000-event trace. Goals on a release
/// build: under 2 ms per frame, under 20 ms per jump.
func runUIBenchmarks() {
  print("== UI (release build for real figures)")
  // `ui-rust`, `ui-node`, `ui-go`, `ui-threads`: those models' figures alone (for a profiler).
  let picked = RuntimeModel.allCases.filter { selected.contains("ui-\($0.rawValue)") }
  if picked.isEmpty {
    frameBenchmark(trace: DemoTraces.trace(named: "many-requests"), label: "many-requests")
  }
  if picked.isEmpty || picked.contains(.rust) {
    let rounds = max(1, 1_000_000 / 10_500)
    jumpBenchmark(trace: NativePrograms.sleepers(tasks: 1_000, rounds: rounds, maxSteps: 100_000_000))
  }
  let others = (picked.isEmpty ? RuntimeModel.allCases : picked).filter { $0 != .rust }
  if !others.isEmpty { runModelViewBenchmarks(models: others) }
}

/// Renders the busiest step of a run (many-requests: 1,000 handlers), frame
/// after frame; `label` names the run in the printed lines.
func frameBenchmark(trace: Trace, label demo: String) {
  let feed = SavedTraceFeed(trace: trace)
  var model = ViewerModel(feed: feed)
  let history = model.history
  var busiest: UInt32 = 0
  var most = -1
  for step in 0...history.lastStep {
    let s = history.state(atStep: step)
    // What waits in any model's queues: the panels' longest lists.
    let go = s.go.global.count + s.go.netpoller.count + s.go.procs.reduce(0) { $0 + $1.local.count }
    let kernel = s.kernel.blocked.count + s.kernel.cpus.reduce(0) { $0 + $1.runQueue.count }
    let load = s.runQueue.count + s.reactor.interest.count + s.reactor.timers.count + go + kernel
    if load > most {
      most = load
      busiest = step
    }
  }
  for (width, height) in [(100, 30), (160, 50)] {
    model.jump(to: busiest > 0 ? busiest - 1 : 0)
    var previous = ScreenRenderer.render(model, width: width, height: height, options: ViewOptions())
    model.jump(to: busiest)
    let rounds = 300
    var changed = 0
    let start = Monotonic.nanoseconds()
    for _ in 0..<rounds {
      let frame = ScreenRenderer.render(model, width: width, height: height, options: ViewOptions())
      changed += BufferDiff.runs(from: previous, to: frame).count
      previous = frame  // after the first round the diff is empty: a repaint while paused
    }
    let perFrame = Double(Monotonic.nanoseconds() - start) / Double(rounds) / 1e6
    print(
      "frame \(width)x\(height), \(demo), step \(busiest) (\(most) queued/registered): "
        + "\(format(perFrame)) ms per render+diff (goal < 2 ms; \(changed) runs redrawn)")
  }
  // A step change: render the next step and diff against the previous frame.
  var previous = ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions())
  let start = Monotonic.nanoseconds()
  var steps = 0
  for step in busiest..<min(busiest + 200, history.lastStep) {
    model.jump(to: step + 1)
    let frame = ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions())
    _ = BufferDiff.runs(from: previous, to: frame)
    previous = frame
    steps += 1
  }
  let perStep = Double(Monotonic.nanoseconds() - start) / Double(max(1, steps)) / 1e6
  print("step forward + frame 100x30 from the busiest step: \(format(perStep)) ms per step (\(steps) steps)")
}

/// Jumps to random steps of `trace` (about a million events), each with its frame.
func jumpBenchmark(trace: Trace, jumps: Int = 1_000) {
  let historyStart = Monotonic.nanoseconds()
  let feed = SavedTraceFeed(trace: trace)
  var model = ViewerModel(feed: feed)
  // What the view does between keys: index the rest of the history.
  while model.isIndexing { model.indexMore() }
  let built = Double(Monotonic.nanoseconds() - historyStart) / 1e6
  print(
    "trace: \(trace.events.count) events, \(trace.stepCount) steps, \(trace.tasks.count) tasks "
      + "(history and notes built in \(format(built)) ms; the history holds "
      + "\(model.history.storedBytes / max(1, trace.events.count)) bytes an event)")
  var rng = SeededRandom(seed: 1)
  var stateTimes: [Double] = []
  var modelTimes: [Double] = []
  var checksum = 0
  for _ in 0..<jumps {
    let step = UInt32(rng.next() % UInt64(trace.stepCount + 1))
    // Each jump is timed three times and the best kept: this shared 2-core
    // machine preempts often, and a preempted jump measures the machine.
    var state = TraceState()
    var frame = CellBuffer(width: 0, height: 0)
    var bestState = Int64.max
    var bestModel = Int64.max
    for _ in 0..<3 {
      let a = Monotonic.nanoseconds()
      state = model.history.state(atStep: step)
      let b = Monotonic.nanoseconds()
      model.jump(to: step)
      frame = ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions())
      let c = Monotonic.nanoseconds()
      bestState = min(bestState, b - a)
      bestModel = min(bestModel, c - b)
      model.jump(to: 0)
    }
    checksum &+= state.runQueue.count &+ frame.cells.count
    stateTimes.append(Double(bestState) / 1e6)
    modelTimes.append(Double(bestModel) / 1e6)
  }
  print("jump to a random step (best of 3 each), reducer state only: \(summary(stateTimes)) (goal < 20 ms)")
  print(
    "jump to a random step (best of 3 each), state + notes + frame (a key press): \(summary(modelTimes)) (checksum \(checksum % 997))"
  )
}

/// "mean 0.20 ms, p99 1.10 ms, worst 3.00 ms".
func summary(_ times: [Double]) -> String {
  let sorted = times.sorted()
  let mean = times.reduce(0, +) / Double(max(1, times.count))
  let p99 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
  return "mean \(format(mean)) ms, p99 \(format(p99)) ms, worst \(format(sorted.last ?? 0)) ms"
}

func format(_ ms: Double) -> String {
  let hundredths = Int((ms * 100).rounded())
  let frac = hundredths % 100
  return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}
