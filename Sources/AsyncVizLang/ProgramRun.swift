import AsyncVizRuntime

/// What every frame of one run shares: the code, the resources, and the
/// run's own channels (fresh for each run, so two runs never share state).
final class ProgramRun {
  /// Every async fn's code, by index.
  let functions: [FunctionCode]
  /// Resources, by index.
  let resources: [ResourceSpec]
  /// This run's channels, by index; empty at the start of the run.
  let channels: [Channel<Value>]
  /// Per-poll and nesting limits.
  let limits: Limits
  /// Task names `spawn` gives, by recipe (computed once at compile time).
  let functionNames: [String]
  /// What is left of the run-wide limits. A class property, so each access
  /// costs an exclusivity check: touched once per poll and per text made,
  /// never per instruction.
  var budget: RunBudget

  init(functions: [FunctionCode], resources: [ResourceSpec], channels: [Channel<Value>], limits: Limits) {
    self.functions = functions
    self.resources = resources
    self.channels = channels
    self.limits = limits
    self.functionNames = functions.map(\.name)
    self.budget = RunBudget(limits)
  }

  /// A future running async fn `index` with `args`, `depth` calls deep.
  func call(_ index: Int, _ args: [Value], depth: Int) -> AsyncFnFuture {
    AsyncFnFuture(code: functions[index], run: self, args: args, depth: depth)
  }
}
