/// A runtime model's scheduler (the node model's event loop, the threads
/// model's kernel, the go model's scheduler): it runs a program one
/// scheduling decision per `step()`, on a virtual clock, and records every
/// decision in a trace. A model states its trace, clock, end and step; it
/// gets from `TraceRecording` the trace accessors and from here `run()`.
/// What a step did stays in the model's own words (its `Step` enum), and so
/// does everything it does within a step.
public protocol SteppedRuntime: TraceRecording {
  /// What one call of `step()` did, in the model's words.
  associatedtype Step
  /// Set once the run has ended.
  var end: RunEnd? { get }
  /// One scheduling decision (or, once the run has ended, nothing).
  func step() -> Step
}

extension SteppedRuntime {
  /// Runs the program to its end and returns how it ended.
  @discardableResult
  public func run() -> RunEnd {
    while true {
      _ = step()
      if let end { return end }
    }
  }
}

extension EndReason {
  /// Why a model's run ended: `error` if the program did not run as written
  /// (`failed`), else the reason the model ended it for, if it gave one
  /// (`stop`: the step limit, or go's main returning), else what its state
  /// says (`otherwise`: completed or stuck).
  public init(failed: Bool, stop: EndReason?, otherwise: EndReason) {
    self = failed ? .error : stop ?? otherwise
  }
}
