/// Bounds that keep hostile or mistaken programs from hanging or crashing a run.
///
/// The compile-time ones are checked before anything runs; the run-time
/// ones end the offending task with a clear message in the trace.
public struct Limits: Sendable {
  /// The longest duration a program may write: one hour. A longer one is
  /// almost certainly a typo, and on the epoll backend it would be waited for.
  public static let maxDurationUs: Int64 = 3_600_000_000
  /// How messages spell `maxDurationUs`.
  static let maxDurationText = "1 hour (3600s)"
  /// How deeply blocks and expressions may nest in the source.
  public static let maxNesting = 100
  /// The largest channel capacity.
  public static let maxCapacity = 1_000_000

  /// Instructions one poll of one async fn may run before the task is
  /// stopped: a loop without an await would otherwise never give the thread back.
  public var instructionsPerPoll: Int
  /// How deeply async fn calls may nest (a recursion that never ends would
  /// otherwise overflow the stack, since each level polls the next).
  public var maxCallDepth: Int

  /// The defaults (docs/language.md, "Limits").
  public init(instructionsPerPoll: Int = 1_000_000, maxCallDepth: Int = 100) {
    self.instructionsPerPoll = instructionsPerPoll
    self.maxCallDepth = maxCallDepth
  }
}
