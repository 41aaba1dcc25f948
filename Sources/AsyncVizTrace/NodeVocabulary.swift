/// Which runtime's rules ran a program: the trace header's `program.model`.
public enum RuntimeModel: String, Sendable, CaseIterable {
  /// tokio's current_thread scheduler: lazy futures polled from a run queue.
  case rust
  /// Node 20: eager async functions and promises on V8's microtask queue,
  /// macrotasks in libuv's loop phases.
  case node
  /// One OS thread per task under Linux's scheduler, simplified: blocking
  /// calls, CPUs with run queues, time slices and context switches.
  case threads
  /// Go 1.19's scheduler: goroutines on Ps (runnext, local and global run
  /// queues), Ms (threads), the netpoller and per-P timers.
  case go
}

/// A phase of libuv's event loop (`uv_run` in libuv's src/unix/core.c), in
/// the order one turn of the loop visits them.
public enum LoopPhase: UInt8, Sendable, CaseIterable, TraceWord {
  /// Expired `setTimeout` callbacks, by deadline then by the order they were armed.
  case timers
  /// I/O callbacks deferred from the previous turn.
  case pending
  /// epoll_wait: ready sockets' callbacks; blocks here when nothing else is due.
  case poll
  /// `setImmediate` callbacks.
  case check
  /// `close` callbacks.
  case close

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  package var word: StaticString {
    switch self {
    case .timers: "timers"
    case .pending: "pending"
    case .poll: "poll"
    case .check: "check"
    case .close: "close"
    }
  }
}

/// What a microtask (a V8 promise job) does when it runs.
public enum MicrotaskJob: UInt8, Sendable, CaseIterable, TraceWord {
  /// Resumes an async function after its `await` (PromiseReactionJob of an await).
  case resume
  /// Runs a `then` callback of a helper: an element of `Promise.all`, a
  /// contender of `Promise.race`, a wrapper that tags a value.
  case reaction
  /// Adopts the state of a promise a promise was resolved with
  /// (NewPromiseResolveThenableJob): returning a promise costs two more jobs.
  case thenable

  /// The word used in traces.
  public var name: String { word.description }

  /// `name` as a static string, for the byte writers and the decoder.
  package var word: StaticString {
    switch self {
    case .resume: "resume"
    case .reaction: "reaction"
    case .thenable: "thenable"
    }
  }
}
