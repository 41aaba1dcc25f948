/// A vocabulary enum spelled in traces by one fixed word per case. The words
/// are written once, in `word` (a static string, for the byte writers and
/// the decoder); `allCases` lists them in raw-value order (the decoder stores
/// a word as its raw value).
public protocol TraceWord: CaseIterable, RawRepresentable where RawValue == UInt8 {
  /// The word used in traces.
  var word: StaticString { get }
}

extension TraceWord {
  /// `word` as a string, for notes, panels and messages.
  public var name: String { word.description }
}

/// Why a task was put on the run queue.
public enum ScheduleCause: UInt8, Sendable, CaseIterable, TraceWord {
  case spawn
  case wake

  /// The word used in traces.
  public var word: StaticString { self == .spawn ? "spawn" : "wake" }
}

/// What a poll returned.
public enum PollResult: UInt8, Sendable, CaseIterable, TraceWord {
  case pending
  case ready

  /// The word used in traces.
  public var word: StaticString { self == .pending ? "pending" : "ready" }
}

/// Readiness a task registers interest in, or that the kernel reports.
public enum Interest: UInt8, Sendable, CaseIterable, TraceWord {
  case read
  case write

  /// The word used in traces.
  public var word: StaticString { self == .read ? "read" : "write" }
}

/// Who called `wake` on a task's waker.
public enum WakeSource: UInt8, Sendable, CaseIterable, TraceWord {
  /// The reactor, because a registered fd became ready.
  case reactor
  /// The reactor's timer queue, because a deadline passed.
  case timer
  /// Another task (a channel peer, a finished task that was joined).
  case task
  /// The task itself, during its own poll (`self_wake`).
  case own
  /// The scheduler, after a driver turn, waking a waker that `yield_now` put
  /// in its defer list (tokio's `Defer::wake`).
  case deferred

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .reactor: "reactor"
    case .timer: "timer"
    case .task: "task"
    case .own: "self"
    case .deferred: "defer"
    }
  }
}

/// The lints asyncviz reports: tokio-console's, plus one of its own
/// (`longPoll`, which tokio-console does not have).
public enum LintCode: UInt8, Sendable, CaseIterable, TraceWord {
  /// tokio-console's lost-waker: Pending with no waker held by anyone, so
  /// nothing can ever wake the task.
  case lostWaker
  /// tokio-console's self-wakes: more than half of a task's wakes came from
  /// the task itself.
  case selfWake
  /// asyncviz's own lint, not tokio-console's: a poll other than the first
  /// ran longer than the threshold without yielding.
  case longPoll
  /// tokio-console's never-yielded: the task's first poll ran longer than
  /// the threshold without yielding.
  case neverYielded

  /// Whether tokio-console has this lint (false for asyncviz's own).
  public var isTokioConsoleLint: Bool { self != .longPoll }

  /// The code used in traces.
  public var word: StaticString {
    switch self {
    case .lostWaker: "lost-waker"
    case .selfWake: "self-wake"
    case .longPoll: "long-poll"
    case .neverYielded: "never-yielded"
    }
  }
}

/// Why a run ended.
public enum EndReason: UInt8, Sendable, CaseIterable, TraceWord {
  /// Every task is done.
  case completed
  /// No task is ready and nothing can ever wake one.
  case stuck
  /// The step limit was reached first.
  case maxSteps
  /// A run-time error (or a run-time limit) stopped part of the program: it
  /// did not run as written, whether or not its tasks then finished.
  /// `stuck` lists the tasks that never completed, if nothing could wake them.
  case error

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .completed: "completed"
    case .stuck: "stuck"
    case .maxSteps: "max-steps"
    case .error: "error"
    }
  }
}

/// Which reactor produced a trace.
public enum BackendKind: String, Sendable, CaseIterable {
  /// Virtual time and a simulated kernel: deterministic.
  case sim
  /// The real Linux kernel through epoll.
  case epoll
}
