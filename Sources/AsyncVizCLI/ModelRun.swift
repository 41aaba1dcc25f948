import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// A run of a program under either model, as the CLI drives it: tokio's
/// `Runtime` or Node's `EventLoop`, each stepped one scheduling action at a time.
enum ModelRun {
  case rust(Runtime)
  case node(EventLoop)

  /// The trace so far.
  var trace: Trace {
    switch self {
    case .rust(let runtime): runtime.trace
    case .node(let loop): loop.trace
    }
  }

  /// How the run ended, once it has.
  var end: RunEnd? {
    switch self {
    case .rust(let runtime): runtime.end
    case .node(let loop): loop.end
    }
  }

  /// Runs to the end.
  func run() -> RunEnd {
    switch self {
    case .rust(let runtime): runtime.run()
    case .node(let loop): loop.run()
    }
  }

  /// One step.
  func step() {
    switch self {
    case .rust(let runtime): _ = runtime.step()
    case .node(let loop): _ = loop.step()
    }
  }

  /// Brings `trace` up to date with what was recorded since.
  func appendNew(into trace: inout Trace) {
    switch self {
    case .rust(let runtime): runtime.appendNew(into: &trace)
    case .node(let loop): loop.appendNew(into: &trace)
    }
  }
}
