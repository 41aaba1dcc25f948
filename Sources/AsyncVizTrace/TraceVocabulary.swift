/// A vocabulary enum spelled in traces by one fixed word per case. The words
/// are written once, in `word`; `allCases` lists them in raw-value order
/// (the decoder stores a word as its raw value).
protocol TraceWord: CaseIterable, RawRepresentable where RawValue == UInt8 {
  /// The word used in traces.
  var word: StaticString { get }
}

/// Why a task was put on the run queue.
public enum ScheduleCause: UInt8, Sendable, CaseIterable, TraceWord {
  case spawn
  case wake

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString { self == .spawn ? "spawn" : "wake" }
}

/// What a poll returned.
public enum PollResult: UInt8, Sendable, CaseIterable, TraceWord {
  case pending
  case ready

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString { self == .pending ? "pending" : "ready" }
}

/// Readiness a task registers interest in, or that the kernel reports.
public enum Interest: UInt8, Sendable, CaseIterable, TraceWord {
  case read
  case write

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString { self == .read ? "read" : "write" }
}

/// Who called `wake` on a task's waker.
public enum WakeSource: UInt8, Sendable, CaseIterable, TraceWord {
  /// The reactor, because a registered fd became ready.
  case reactor
  /// The reactor's timer queue, because a deadline passed.
  case timer
  /// Another task (a channel peer, a finished task that was joined).
  case task
  /// The task itself, during its own poll (`yield_now`, `self_wake`).
  case own

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString {
    switch self {
    case .reactor: "reactor"
    case .timer: "timer"
    case .task: "task"
    case .own: "self"
    }
  }
}

/// The tokio-console lints asyncviz reproduces.
public enum LintCode: UInt8, Sendable, CaseIterable, TraceWord {
  /// Pending with no waker held by anyone: nothing can ever wake the task.
  case lostWaker
  /// More than half of a task's wakes came from the task itself.
  case selfWake
  /// One poll ran longer than the threshold without yielding.
  case longPoll

  /// The code used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString {
    switch self {
    case .lostWaker: "lost-waker"
    case .selfWake: "self-wake"
    case .longPoll: "long-poll"
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
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  var word: StaticString {
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
