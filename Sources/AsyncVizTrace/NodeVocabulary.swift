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
  public var word: StaticString {
    switch self {
    case .timers: "timers"
    case .pending: "pending"
    case .poll: "poll"
    case .check: "check"
    case .close: "close"
    }
  }
}

/// What a microtask (a V8 promise job) does when it runs. Each `then` the
/// translation's JavaScript attaches has its own word, so that the narration
/// can say which reaction a job is (the new words follow the old ones, so a
/// trace written before them still reads).
public enum MicrotaskJob: UInt8, Sendable, CaseIterable, TraceWord {
  /// Resumes an async function after its `await` (PromiseReactionJob of an await).
  case resume
  /// A `then` callback of a helper, in traces written before the precise
  /// words below (nothing records it now).
  case reaction
  /// Adopts the state of a promise a promise was resolved with
  /// (NewPromiseResolveThenableJob): returning a promise costs two more jobs.
  case thenable
  /// A resource call's reply: its async fn returns the reply once the
  /// server's latency (on sim, a setTimeout) or the socket's read is done.
  case reply
  /// An element of `Promise.all` settled: its value is stored, and the last
  /// one fulfills the list.
  case all
  /// A contender of `Promise.race` settled first: its value decides the race.
  case race
  /// A contender of `Promise.race` settled after the race was decided: its
  /// value is ignored (Promise.race cancels nothing, so it ran to the end).
  case raceLate
  /// select's wrapper `f.then(v => [i, v])`: tags a contender's value with its index.
  case tag
  /// timeout's timer `sleep(d).then(() => NONE)`: the time ran out.
  case expire
  /// One round of self_wake's loop (`await new Promise(r => setImmediate(r))`).
  case selfWake
  /// The harness's `main().then(...)`: main's promise is fulfilled, which
  /// marks the end of the program's main.
  case mainEnd

  /// The word used in traces.
  public var word: StaticString {
    switch self {
    case .resume: "resume"
    case .reaction: "reaction"
    case .thenable: "thenable"
    case .reply: "reply"
    case .all: "all"
    case .race: "race"
    case .raceLate: "race_late"
    case .tag: "tag"
    case .expire: "expire"
    case .selfWake: "self_wake"
    case .mainEnd: "main_end"
    }
  }
}
