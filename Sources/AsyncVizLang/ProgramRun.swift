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
  /// What is left of the run's budgets, touched at every poll and await.
  /// Behind a `let` pointer rather than in a stored `var`: a class's stored
  /// property costs a dynamic exclusivity check per access (platform-notes.md).
  /// Safe: only the executor's thread polls this run's frames, one at a
  /// time, and the memory lives exactly as long as this object.
  let budget: UnsafeMutablePointer<RunBudget>

  init(functions: [FunctionCode], resources: [ResourceSpec], channels: [Channel<Value>], limits: Limits) {
    self.functions = functions
    self.resources = resources
    self.channels = channels
    self.limits = limits
    budget = .allocate(capacity: 1)
    budget.initialize(to: RunBudget(limits))
  }

  deinit {
    budget.deinitialize(count: 1)
    budget.deallocate()
  }

  /// A future running async fn `index` with `args`.
  func call(_ index: Int, _ args: [Value]) -> AsyncFnFuture {
    AsyncFnFuture(code: functions[index], run: self, args: args)
  }
}
