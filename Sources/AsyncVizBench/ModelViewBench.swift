import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace

/// The view's bounds for the node, go and threads models, as for rust: a
/// frame of many-requests' busiest step (1,000 handlers) under each model,
/// and jumps into a run of about a million events under each. The big run
/// is many-requests itself with `requests` raised (`--set requests=N`), so
/// each model's own panels and notes are what is drawn and indexed.
/// `models`: the ones to measure (`asyncviz-bench ui-go` names one).
func runModelViewBenchmarks(models: [RuntimeModel]) {
  for model in models {
    print("-- \(model.rawValue) model")
    frameBenchmark(trace: DemoTraces.trace(named: "many-requests", model: model), label: "many-requests")
    // 200 jumps, not rust's 1,000: a go or threads jump of a run this size
    // still takes tens of milliseconds (see decisions.md).
    jumpBenchmark(trace: manyRequests(model: model, targetEvents: 1_000_000), jumps: 200)
  }
}

/// many-requests under `model` with enough requests for about
/// `targetEvents` events: a run of 1,000 requests gives the events per
/// request, and the big run is sized from it.
private func manyRequests(model: RuntimeModel, targetEvents: Int) -> Trace {
  let small = manyRequestsRun(model: model, requests: 1_000)
  let perRequest = max(1, small.events.count / 1_000)
  return manyRequestsRun(model: model, requests: max(1_000, targetEvents / perRequest))
}

/// many-requests under `model` with `requests` handlers, limits raised for a
/// run of a million events.
func manyRequestsRun(model: RuntimeModel, requests: Int) -> Trace {
  guard let demo = DemoCatalog.named("many-requests") else { preconditionFailure("many-requests is a demo") }
  let program: CompiledProgram
  do {
    program = try CompiledProgram.compile(demo.sourceFile, overrides: ["requests": Int64(requests)])
  } catch {
    preconditionFailure("many-requests compiles with requests=\(requests): \(error)")
  }
  // The language's instruction budgets count main's spawn loop (under go
  // `go` does not yield, so all the spawns are one poll); a million-event
  // run needs more than the command line's defaults.
  var limits = Limits()
  limits.instructionsPerRun = 100_000_000
  limits.instructionsPerPoll = 100_000_000
  return DemoTraces.trace(
    of: program, model: model, options: RuntimeOptions(maxSteps: 100_000_000), limits: limits)
}
