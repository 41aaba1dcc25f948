import AsyncVizGoRuntime
import AsyncVizNodeRuntime
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

/// A run of a program under any model, as the CLI drives it: tokio's
/// `Runtime`, Node's `EventLoop`, Go's `GoScheduler` or the threads model's
/// `Kernel`, each stepped one scheduling action at a time, or the threads
/// model on real pthreads. The models already have these members; the CLI
/// only names what it needs of them, so it drives every model alike.
protocol ModelRun: AnyObject {
  /// The trace so far.
  var trace: Trace { get }
  /// How the run ended, once it has.
  var end: RunEnd? { get }
  /// Why a real run stopped early in a way the user must change the
  /// command for (the thread cap), if it did.
  var refusal: String? { get }
  /// Runs to the end.
  @discardableResult func run() -> RunEnd
  /// One step.
  func advance()
}

extension ModelRun {
  var refusal: String? { nil }
}

extension ModelRun where Self: SteppedRuntime {
  func advance() { _ = step() }
}

extension Runtime: ModelRun {
  func advance() { _ = step() }
}

extension EventLoop: ModelRun {}
extension GoScheduler: ModelRun {}
extension Kernel: ModelRun {}

/// `--model threads --backend epoll`: the threads run at once, not one
/// scheduling decision at a time, so its first step runs it whole.
extension RealThreadsKernel: ModelRun {
  func advance() { run() }
}
