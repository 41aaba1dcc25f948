import AsyncVizRuntime

/// The future at the root of every task a .av program spawns (and of
/// `main`): it starts the task's per-poll instruction budget, then polls the
/// program's future. Every poll of a task comes through here, whatever the
/// task runs (an async fn, or a built-in such as `spawn join(...)`).
struct TaskRootFuture: Future {
  typealias Output = Value

  /// The task's future.
  var inner: LangFuture
  /// The run whose budget this task's polls draw on.
  let run: ProgramRun

  mutating func poll(_ cx: inout Context) -> Poll<Value> {
    run.budget.pointee.startPoll(run.limits)
    return inner.poll(&cx)
  }

  mutating func cancel(_ cx: inout Context) { inner.cancel(&cx) }
}
