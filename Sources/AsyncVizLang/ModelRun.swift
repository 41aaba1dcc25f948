import AsyncVizGoRuntime
import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

/// A run of a program under any model: tokio's `Runtime`, Node's
/// `EventLoop`, Go's `GoScheduler` or the threads model's `Kernel`, each
/// stepped one scheduling action at a time (and, in the command line, the
/// threads model on real pthreads). The models already have these members;
/// the protocol only names them, so the command line, the tests and the
/// benchmarks drive every model alike.
public protocol ModelRun: AnyObject {
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
  public var refusal: String? { nil }
}

extension ModelRun where Self: SteppedRuntime {
  public func advance() { _ = step() }
}

extension Runtime: ModelRun {
  public func advance() { _ = step() }
}

extension EventLoop: ModelRun {}
extension GoScheduler: ModelRun {}
extension Kernel: ModelRun {}

extension CompiledProgram {
  /// A run of this program under `model` on the simulated backend, ready
  /// to step (the go model with `procs` Ps, the threads model on `cpus`).
  public func makeRun(
    model: RuntimeModel, options: RuntimeOptions, limits: Limits = Limits(), procs: Int = 1,
    cpus: Int = KernelCosts.defaultCPUs
  ) -> any ModelRun {
    switch model {
    case .rust: makeRuntime(backend: SimBackend(), options: options, limits: limits)
    case .node: makeNodeLoop(options: options, limits: limits)
    case .go: makeGoScheduler(options: options, procs: procs, limits: limits)
    case .threads: makeKernel(options: options, cpus: cpus, limits: limits)
    }
  }
}
