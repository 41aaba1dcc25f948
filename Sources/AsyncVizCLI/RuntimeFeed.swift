import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live run as the front end sees it: each `advance()` is one step of its model,
/// and the feed's trace is brought up to date without copying what it had.
final class RuntimeFeed: TraceFeed {
  /// The running program; stepped only through `advance()`.
  private let runtime: ModelRun
  /// Everything recorded so far; grows after each step.
  private(set) var trace: Trace

  init(runtime: ModelRun) {
    self.runtime = runtime
    self.trace = Trace(program: runtime.trace.program)
    runtime.appendNew(into: &trace)
  }

  var isLive: Bool { trace.end == nil }

  func advance() -> Bool {
    guard trace.end == nil else { return false }
    runtime.step()
    runtime.appendNew(into: &trace)
    return true
  }

  /// Runs the program to its end (for `--export` after the user quits early).
  func finish() -> Trace {
    while advance() {}
    return trace
  }
}
