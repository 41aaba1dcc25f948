/// A runtime model's scheduler (the node model's event loop, the threads
/// model's kernel, the go model's scheduler): it runs a program one
/// scheduling decision per `step()`, on a virtual clock, and records every
/// decision in a trace. A model states its trace, clock, end and step; it
/// gets from here the trace accessors and `run()`. What a step did stays in
/// the model's own words (its `Step` enum), and so does everything it does
/// within a step.
public protocol SteppedRuntime: AnyObject {
  /// What one call of `step()` did, in the model's words.
  associatedtype Step
  /// The trace being recorded.
  var recorder: TraceRecorder { get set }
  /// Virtual time in microseconds.
  var now: Int64 { get }
  /// Set once the run has ended.
  var end: RunEnd? { get }
  /// One scheduling decision (or, once the run has ended, nothing).
  func step() -> Step
}

extension SteppedRuntime {
  /// The trace so far (complete once `end` is set).
  @inlinable
  public var trace: Trace { recorder.trace }

  /// Copies what was recorded since `trace` was last brought up to date.
  @inlinable
  public func appendNew(into trace: inout Trace) { trace.catchUp(with: recorder.trace) }

  /// Appends an event at the current time.
  @inlinable
  public func record(_ payload: EventPayload) { recorder.record(payload, at: now) }

  /// Interns a string in the trace.
  @inlinable
  public func intern(_ text: String) -> StringID { recorder.intern(text) }

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
