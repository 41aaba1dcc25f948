import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live run as the front end sees it (and the view benchmark's live run):
/// each `advance()` is one step of its model (`ModelRun.advance()`). The
/// feed's trace is the run's own (no copy): the viewer's history shares it,
/// and lets go of it while the run appends.
public final class RuntimeFeed: TraceFeed {
  /// The running program; stepped only through `advance()`.
  private let runtime: any ModelRun

  /// A feed over `runtime`, which nothing else steps.
  public convenience init(runtime: Runtime) { self.init(run: runtime) }

  /// A feed over a run of any model, which nothing else steps.
  init(run: any ModelRun) { self.runtime = run }

  /// Everything recorded so far; grows after each step.
  public var trace: Trace { runtime.trace }

  public var isLive: Bool { runtime.end == nil }

  public func advance() -> Bool {
    guard runtime.end == nil else { return false }
    runtime.advance()
    return true
  }

  /// Runs the program to its end (for `--export` after the user quits early).
  public func finish() -> Trace {
    while advance() {}
    return trace
  }
}
