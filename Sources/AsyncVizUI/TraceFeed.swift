import AsyncVizTrace

/// Where the front end gets its trace: a live run that records one more step
/// on request, or a saved file that is complete from the start.
///
/// The UI depends on this protocol and the trace only, never on the runtime,
/// so a live run and a replayed file look the same.
public protocol TraceFeed: AnyObject {
  /// The trace recorded so far; grows after each successful `advance()`.
  var trace: Trace { get }
  /// Whether `advance()` can still record steps (false for a file, or once the run ended).
  var isLive: Bool { get }
  /// Runs one more scheduling action and records it; false when nothing more can be recorded.
  /// A file still being read decodes its next slice of events instead.
  func advance() -> Bool
  /// A file still being read: the fraction read so far (0...1; nil when
  /// the size is unknown), so that the view says so. Nil `isReading` otherwise.
  var readProgress: Double? { get }
  /// Whether this feed is a file still being read (its `advance()` reads on).
  var isReading: Bool { get }
  /// Whether reading the file failed: the view closes and the command reports why.
  var hasFailed: Bool { get }
}

extension TraceFeed {
  public var readProgress: Double? { nil }
  public var isReading: Bool { false }
  public var hasFailed: Bool { false }
}

/// A trace that is complete already (a replayed file, or a run finished up front).
public final class SavedTraceFeed: TraceFeed {
  /// The whole trace; never changes.
  public let trace: Trace

  /// Wraps a complete trace.
  public init(trace: Trace) { self.trace = trace }

  public var isLive: Bool { false }

  public func advance() -> Bool { false }
}
