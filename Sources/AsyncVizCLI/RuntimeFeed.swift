import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live run as the front end sees it: each `advance()` is one `Runtime.step()`.
/// The feed's trace is the runtime's own (no copy): the viewer's history
/// shares it, and lets go of it while the runtime appends.
final class RuntimeFeed: TraceFeed {
  /// The running program; stepped only through `advance()`.
  private let runtime: Runtime

  init(runtime: Runtime) { self.runtime = runtime }

  /// Everything recorded so far; grows after each step.
  var trace: Trace { runtime.trace }

  var isLive: Bool { runtime.end == nil }

  func advance() -> Bool {
    guard runtime.end == nil else { return false }
    _ = runtime.step()
    return true
  }

  /// Runs the program to its end (for `--export` after the user quits early).
  func finish() -> Trace {
    while advance() {}
    return trace
  }
}
