import AsyncVizGoRuntime
import AsyncVizNodeRuntime
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

/// A run of a program under any model, as the CLI drives it: tokio's
/// `Runtime`, Node's `EventLoop`, Go's `GoScheduler` or the threads model's
/// `Kernel`, each stepped one scheduling action at a time.
enum ModelRun {
  case rust(Runtime)
  case node(EventLoop)
  case go(GoScheduler)
  case threads(Kernel)
  /// The threads model on real pthreads (`--model threads --backend epoll`):
  /// it runs whole at its first step (the threads run at once, not one
  /// scheduling decision at a time).
  case realThreads(RealThreadsKernel)

  /// The trace so far.
  var trace: Trace {
    switch self {
    case .rust(let runtime): runtime.trace
    case .node(let loop): loop.trace
    case .threads(let kernel): kernel.trace
    case .realThreads(let kernel): kernel.trace
    case .go(let sched): sched.trace
    }
  }

  /// How the run ended, once it has.
  var end: RunEnd? {
    switch self {
    case .rust(let runtime): runtime.end
    case .node(let loop): loop.end
    case .threads(let kernel): kernel.end
    case .realThreads(let kernel): kernel.end
    case .go(let sched): sched.end
    }
  }

  /// Why a real run stopped early in a way the user must change the
  /// command for (the thread cap), if it did.
  var refusal: String? {
    if case .realThreads(let kernel) = self { kernel.refusal } else { nil }
  }

  /// Runs to the end.
  func run() -> RunEnd {
    switch self {
    case .rust(let runtime): runtime.run()
    case .node(let loop): loop.run()
    case .threads(let kernel): kernel.run()
    case .realThreads(let kernel): kernel.run()
    case .go(let sched): sched.run()
    }
  }

  /// One step.
  func step() {
    switch self {
    case .rust(let runtime): _ = runtime.step()
    case .node(let loop): _ = loop.step()
    case .threads(let kernel): _ = kernel.step()
    case .realThreads(let kernel): _ = kernel.run()
    case .go(let sched): _ = sched.step()
    }
  }
}
