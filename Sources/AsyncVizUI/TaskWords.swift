import AsyncVizTrace
import AsyncVizTraceState

/// What the task table and the task detail call a task's states, counters
/// and times under each model, in that runtime's own words: tokio-console's
/// under rust (ready, polling, pending; polls, wakes; busy, scheduled,
/// idle), and under the others the words their runtime and its tools use
/// (a goroutine is runnable, running or waiting as `runtime.Stack` prints
/// it; a thread is runnable, running or blocked as the kernel's scheduler
/// has it; an async call is queued, running or awaiting). The statuses
/// behind the words are the reducer's one `TaskStatus`.
struct TaskWords {
  /// The model whose words these are.
  let model: RuntimeModel

  init(_ model: RuntimeModel) { self.model = model }

  /// The word for `status`.
  func status(_ status: TaskStatus) -> String {
    switch (model, status) {
    case (.rust, _): status.name
    // Node: a resume job of the async call is in the microtask queue; it is
    // on the call stack; it left the stack at an await; its promise has
    // settled (fulfilled: a .av program cannot throw).
    case (.node, .ready): "queued"
    case (.node, .polling): "running"
    case (.node, .pending): "awaiting"
    case (.node, .done): "settled"
    // Go (runtime2.go's _Grunnable, _Grunning, _Gwaiting; a goroutine
    // returning from its function goes through goexit): and a goroutine
    // alive when main returns dies with the process, as a thread does
    // (exit_group kills every thread of the process).
    case (.go, .ready), (.threads, .ready): "runnable"
    case (.go, .polling), (.threads, .polling): "running"
    case (.go, .pending): "waiting"
    case (.threads, .pending): "blocked"
    case (.go, .done), (.threads, .done): "exited"
    case (.go, .dropped), (.threads, .dropped): "killed"
    // asyncviz's own word for the end of a run with nothing left to wake it.
    case (_, .stuck): "stuck"
    case (.node, .dropped): status.name
    }
  }

  /// What one unit of the run is, as a title word ("Task #2 handler",
  /// "Goroutine #2 handler") and in the plural for the table's title.
  var unit: String {
    switch model {
    case .rust: "Task"
    case .node: "Async call"
    case .go: "Goroutine"
    case .threads: "Thread"
    }
  }
  var units: String { model == .node ? "Async calls" : unit + "s" }

  /// How a unit came to be, for the detail's last line: spawned by a task
  /// (tokio::spawn), called (node: an async fn called and not awaited),
  /// created (go's newproc for a `go` statement; pthread_create).
  var made: String {
    switch model {
    case .rust: "spawned"
    case .node: "called"
    case .go, .threads: "created"
    }
  }

  /// What the detail's last line says of the unit the run starts with,
  /// after its time ("spawned at 0.000 ms (root task)"; node's main is
  /// called by the harness's setTimeout(main, 0)).
  var root: String {
    switch model {
    case .rust: " (root task)"
    case .node: " by the harness"
    case .go: " (main goroutine)"
    case .threads: " (main thread)"
    }
  }

  /// The widest status word: the table's state column.
  var statusWidth: Int { TaskStatus.allCases.map { status($0).count }.max() ?? 8 }

  /// How often a task ran: rust polls it; the others run it (on the call
  /// stack, on a P, on a CPU).
  var runs: String { model == .rust ? "polls" : "runs" }

  /// How often it was made runnable again after waiting: a waker's wake
  /// (rust), a microtask queued to resume the async call (node: "resumes"),
  /// a parked goroutine readied (go's goready), a blocked thread woken by
  /// the kernel (try_to_wake_up).
  var wakes: String { model == .node ? "resumes" : "wakes" }

  /// The labels of the time spent in each status: tokio-console's busy,
  /// scheduled and idle under rust; the status words under the others.
  var busy: String { model == .rust ? "busy" : status(.polling) }
  var scheduled: String { model == .rust ? "scheduled" : status(.ready) }
  var idle: String { model == .rust ? "idle" : status(.pending) }

  /// What the detail says of a task that has not run yet: a rust task is a
  /// lazy future nobody has polled; the others are queued to start.
  var notRunYet: String {
    switch model {
    case .rust: "not polled yet: nothing has run"
    case .node: "not run yet"
    case .go: "not run yet: runnable since its go statement"
    case .threads: "not run yet: runnable since pthread_create"
    }
  }
}

extension PanelContext {
  /// The words of the trace's model.
  var words: TaskWords { TaskWords(trace.program.model) }

  /// What `task` waits on, in its model's words, without the line:
  /// "db.query", "JoinHandle #2" (rust); "the promise of #2" (node);
  /// "IO wait", "chan receive" (go, Go's wait reasons); "read db.query",
  /// "futex: pthread_join #2" (threads); "" when it waits on nothing.
  /// `brief` is the table's shorter form, where only the call is named
  /// ("pthread_join #2", "nanosleep", "jobs.recv" without its futex,
  /// "promise #2", "setTimeout").
  func awaitedWhat(_ task: TaskInfo, brief: Bool = false) -> String {
    switch trace.program.model {
    case .rust:
      return task.awaiting.phrase(in: trace)
    case .go:
      switch state.go.status(task.id) {
      case .waiting(let reason): return reason.name
      case .syscall: return "blocking call"
      case .runnable, .running, .dead: return ""
      }
    case .threads, .node:
      let until = state.kernel.blockedEntry(task.id)?.untilUs
      return awaitedPhrase(task.awaiting, untilUs: until, brief: brief)
    }
  }

  /// `awaiting` in the trace's model's words, as `awaitedWhat` says it (for
  /// go, whose waits are Go's wait reasons, the rust phrase).
  func awaitedPhrase(_ awaiting: Awaited, untilUs: Int64? = nil, brief: Bool) -> String {
    switch trace.program.model {
    case .rust, .go:
      return awaiting.phrase(in: trace)
    case .threads:
      let wait = Self.threadWait(awaiting, untilUs: untilUs, trace: trace)
      guard brief else { return wait }
      switch awaiting {
      case .joinHandle(let other): return "pthread_join #\(other.rawValue)"
      case .sleep: return "nanosleep"
      default: return wait.hasPrefix("futex: ") ? String(wait.dropFirst(7)) : wait
      }
    case .node:
      guard brief else { return Self.nodeAwait(awaiting, trace: trace) }
      switch awaiting {
      case .joinHandle(let other): return "promise #\(other.rawValue)"
      case .sleep: return "setTimeout"
      default: return Self.nodeAwait(awaiting, trace: trace)
      }
    }
  }

  /// The source line `task` waits at (0: none). A goroutine in a blocking
  /// system call has no park line in the trace (its `line` is its last
  /// park's), so none is given.
  func awaitLine(_ task: TaskInfo) -> Int32 {
    if trace.program.model == .go, state.go.status(task.id) == .syscall { return 0 }
    return task.line
  }

  /// What a thread sleeps on in the kernel: a blocking read, nanosleep, a
  /// futex (pthread_join, a channel's condition variable, a helper's result).
  static func threadWait(_ awaiting: Awaited, untilUs: Int64?, trace: Trace) -> String {
    let label = awaiting.label(in: trace)
    switch awaiting {
    case .nothing: return ""
    case .resourceCall: return "read \(label)"
    case .sleep: return untilUs.map { "nanosleep until \(DurationText.duration($0))" } ?? "nanosleep"
    case .joinHandle(let other): return "futex: pthread_join #\(other.rawValue)"
    case .channelSend, .channelRecv, .join, .select, .timeout, .lostWaker: return "futex: \(label)"
    case .yieldNow: return "sched_yield"
    case .selfWake, .other: return label
    }
  }

  /// What an awaiting async call waits for under node: a promise, named by
  /// the call that gives it ("the promise of #2", "Promise.all").
  static func nodeAwait(_ awaiting: Awaited, trace: Trace) -> String {
    switch awaiting {
    case .joinHandle(let other): "the promise of #\(other.rawValue)"
    case .sleep: "sleep (setTimeout)"
    case .yieldNow: "setImmediate"
    case .join: "Promise.all"
    case .select: "Promise.race"
    case .timeout: "Promise.race (timeout)"
    default: awaiting.label(in: trace)
    }
  }
}
