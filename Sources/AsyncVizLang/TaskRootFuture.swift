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
  /// `inner`'s frame when the task runs an async fn (nearly every task),
  /// polled directly: reaching it through `LangFuture`'s switch copies and
  /// destroys the whole enum on every poll, about 180 instructions (callgrind).
  /// Unmanaged (`inner` holds it for as long as this root exists) and used
  /// at +0: a strong (or unowned) reference was retained and released
  /// around every poll.
  let frame: Unmanaged<AsyncFnFuture>?

  init(inner: LangFuture, run: ProgramRun) {
    self.inner = inner
    self.run = run
    if case .asyncFn(let frame) = inner.kind {
      self.frame = Unmanaged.passUnretained(frame)
    } else {
      frame = nil
    }
  }

  mutating func poll(_ cx: inout Context) -> Poll<Value> {
    run.budget.pointee.startPoll(run.limits)
    // Polls of futures (a join's children, a timer, a channel) cost an
    // instruction each: a task whose futures keep waking it (a join of many
    // `self_wake`s) is then bounded by the run's budget as a loop would be.
    if run.budget.pointee.instructionsLeft == 0 {
      inner.cancel(&cx)
      cx.fail(run.budget.pointee.runLimitLine(run.limits))
      return .ready(.none)
    }
    // The same accounting as `LangFuture.poll`.
    let result =
      if let frame {
        frame._withUnsafeGuaranteedRef { frame in cx.nestedPoll { frame.poll(&$0) } }
      } else {
        inner.poll(&cx)
      }
    run.budget.pointee.spendPolls(cx.futurePolls)
    // A failure no frame took (the task runs a bare built-in, `spawn join(...)`).
    if let failure = cx.failure { cx.fail(run.budget.pointee.errorLine("error: \(failure)")) }
    return result
  }

  mutating func cancel(_ cx: inout Context) { inner.cancel(&cx) }
}
