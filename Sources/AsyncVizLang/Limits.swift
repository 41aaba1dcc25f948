/// Bounds that keep hostile or mistaken programs from hanging, crashing or
/// eating the machine (docs/language.md, "Limits"; docs/decisions.md).
///
/// The compile-time ones are checked before anything runs; the run-time
/// ones stop the offending async fn with an `error:` line in the trace (an
/// `output` event, so the transcript and the UI show it) and the fn gives
/// `none`. Together with the runtime's `maxSteps` and `maxTasks` they bound
/// a run's time and memory whatever the program says.
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
  /// The largest program, in bytes of UTF-8: far beyond any hand-written
  /// program, small enough that checking it takes well under a second.
  public static let maxSourceBytes = 1 << 20
  /// The longest string a program may make (by `{}` interpolation) or print, in bytes.
  public static let maxStringBytes = 10_000
  /// The most values one list may hold, counting the items of nested lists:
  /// `join` of joins can otherwise double a list's size at every await, and
  /// printing or comparing it would take exponential time.
  public static let maxListValues = 10_000

  /// What a call of an async fn that runs in the calling task (not
  /// spawned) counts for in the instruction budgets, on top of its own
  /// instruction: making a frame and nesting a poll takes about as long as
  /// 20 simple instructions (release build: about 180 ns against 7 ns), so
  /// that the budgets bound time even for a program made of calls.
  public static let callCost = 20

  /// Instructions one poll of one async fn may run before the fn is
  /// stopped: a loop without an await would otherwise never give the thread back.
  public var instructionsPerPoll: Int
  /// How deeply async fn calls may nest (a recursion that never ends would
  /// otherwise overflow the stack, since each level polls the next).
  public var maxCallDepth: Int
  /// Instructions the whole run may execute, over every task and poll. With
  /// `instructionsPerPoll` alone, `maxSteps` polls of a busy loop (or many
  /// tasks each spinning once) could take hours and record billions of events.
  public var instructionsPerRun: Int
  /// Bytes of text the whole run may make: interpolated strings, printed
  /// lines and request arguments. Bounds the trace's memory.
  public var textBytesPerRun: Int
  /// Lines the whole run may print. A trace is read by people: a run that
  /// prints more is almost certainly a loop gone wrong, and each line costs
  /// an event in memory and in the transcript.
  public var outputLinesPerRun: Int

  /// The defaults (docs/language.md, "Limits").
  public init(
    instructionsPerPoll: Int = 1_000_000, maxCallDepth: Int = 100, instructionsPerRun: Int = 5_000_000,
    textBytesPerRun: Int = 32 << 20, outputLinesPerRun: Int = 100_000
  ) {
    self.instructionsPerPoll = instructionsPerPoll
    self.maxCallDepth = maxCallDepth
    self.instructionsPerRun = instructionsPerRun
    self.textBytesPerRun = textBytesPerRun
    self.outputLinesPerRun = outputLinesPerRun
  }
}

extension Limits {
  /// The depth limit's error, in every model: `what` ("futures", "calls")
  /// nest deeper than `maxCallDepth` at `place`; `counting` says what counts
  /// as a level when that is not plain. A higher limit is what allows deeper
  /// calls.
  func tooDeep(_ what: String, _ place: String, counting: String = "") -> String {
    "\(what) nest more than \(maxCallDepth) deep \(place) "
      + "(\(counting)a recursion that never ends? if not, raise --max-depth)"
  }

  /// The stack guard's error: the interpreter's own stack is nearly full
  /// before the depth limit is reached, so a lower limit is what stops the
  /// recursion in time.
  static func stackNearlyFull(_ what: String, depth: Int, _ place: String = "") -> String {
    "the thread's stack is nearly full with \(what) nested \(depth) deep\(place) "
      + "(lower --max-depth; a recursion that never ends?)"
  }
}
