import AsyncVizTrace

/// The program behind a live view, as the command line hands it over: the
/// view may run it again under another model (`m`) and compare every model
/// (`c`). The UI never runs a program itself (it knows traces, never the
/// runtime); the command line, which can, implements this.
public protocol ModelRuns: AnyObject {
  /// What the view may do with the program.
  var access: ProgramAccess { get }
  /// The run shown: the first one, then the latest `run(under:)` made.
  var current: any TraceFeed { get }
  /// A new live run of the program under `model`, at its first step. The
  /// previous run is let go: one run is held at a time.
  func run(under model: RuntimeModel) -> Result<any TraceFeed, ModelRunFailure>
  /// The compare table: the program run under every model, on the first
  /// call only; later calls give the same table.
  func compareTable() -> Result<CompareTable, ModelRunFailure>
}

/// What the view may do with the program behind its trace, besides showing it.
public enum ProgramAccess: Equatable, Sendable {
  /// Run it again under another model, and compare the models (a sim run of a program).
  case rerun
  /// Compare the models, but not switch: `m` says `switchRefusal` (a run on
  /// a real backend, whose other models' runs are not this one).
  case compareOnly(switchRefusal: String)
  /// Neither: a saved trace is a record, with no program to run.
  case traceOnly
}

/// Why a run under another model, or the compare table, could not be made,
/// in words for the status line.
public struct ModelRunFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message.
  public var message: String

  /// Wraps a message.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
