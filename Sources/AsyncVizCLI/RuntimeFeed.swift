import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live run as the front end sees it (and the view benchmark's live run):
/// each `advance()` is one step of its model (`Runtime.step()`, Node's loop,
/// Go's scheduler). The feed's trace is the model's own (no copy): the
/// viewer's history shares it, and lets go of it while the model appends.
public final class RuntimeFeed: TraceFeed {
  /// The running program; stepped only through `advance()`.
  private let runtime: ModelRun

  /// A feed over `runtime`, which nothing else steps.
  public convenience init(runtime: Runtime) { self.init(runtime: .rust(runtime)) }

  /// A feed over any model's run, which nothing else steps.
  init(runtime: ModelRun) { self.runtime = runtime }

  /// Everything recorded so far; grows after each step.
  public var trace: Trace { runtime.trace }

  public var isLive: Bool { runtime.trace.end == nil }

  public func advance() -> Bool {
    guard isLive else { return false }
    runtime.step()
    return true
  }

  /// Runs the program to its end (for `--export` after the user quits early).
  public func finish() -> Trace {
    while advance() {}
    return trace
  }
}
