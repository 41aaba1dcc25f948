import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live run as the front end sees it (and the view benchmark's live run):
/// each `advance()` is one `Runtime.step()`. The feed's trace is the
/// runtime's own (no copy): the viewer's history shares it, and lets go of it
/// while the runtime appends.
public final class RuntimeFeed: TraceFeed {
  /// The running program; stepped only through `advance()`.
  private let runtime: Runtime

  /// A feed over `runtime`, which nothing else steps.
  public init(runtime: Runtime) { self.runtime = runtime }

  /// Everything recorded so far; grows after each step.
  public var trace: Trace { runtime.trace }

  public var isLive: Bool { runtime.end == nil }

  public func advance() -> Bool {
    guard runtime.end == nil else { return false }
    _ = runtime.step()
    return true
  }

  /// Runs the program to its end (for `--export` after the user quits early).
  public func finish() -> Trace {
    while advance() {}
    return trace
  }
}
