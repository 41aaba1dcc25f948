import AsyncVizTrace

/// The state of a run after step k: what the front end draws. Built by
/// applying a trace's events in order (`TraceReducer.swift`); any step
/// is reached quickly through `TraceHistory`.
///
/// Holds ids and interned strings only; names and texts are looked up in the
/// `Trace` the events came from.
public struct TraceState: Sendable, Equatable {
  /// What the latest step did.
  public enum StepAction: Sendable, Equatable {
    /// Step 0: the setup (the root task is spawned).
    case setup
    /// One poll of a task; `result` is nil while the poll has not returned.
    case poll(TaskID, result: PollResult?)
    /// One reactor turn: the wait and the wakes it caused.
    case reactorTurn
  }

  /// A lint that fired.
  public struct LintRecord: Sendable, Equatable {
    /// The task it is about.
    public var task: TaskID
    /// Which lint.
    public var code: LintCode
    /// The rest of the message (interned).
    public var detail: StringID
    /// The step it fired in.
    public var step: UInt32
  }

  /// A request written to a connection, remembered until its fd is registered.
  struct SentRequest: Sendable, Equatable {
    var fd: Int32
    var resource: StringID
    var op: StringID
  }

  /// Every task spawned so far, indexed by `TaskID.index`.
  public internal(set) var tasks: [TaskInfo] = []
  /// The run queue, front first.
  public internal(set) var runQueue = TaskQueue()
  /// The task being polled (nil between polls, which is how steps end).
  public internal(set) var polling: TaskID?
  /// What the latest step did.
  public internal(set) var action = StepAction.setup
  /// Interest list, timers, last wait.
  public internal(set) var reactor = ReactorState()
  /// The time of the latest event (or of the end).
  public internal(set) var nowUs: Int64 = 0
  /// The step of the latest event.
  public internal(set) var step: UInt32 = 0
  /// Number of events applied: the state is that after `events[0..<applied]`.
  public internal(set) var applied = 0
  /// Tasks not over (spawned, or named by an event, and neither completed nor dropped).
  public internal(set) var liveCount = 0
  /// Tasks in status `pending` (returned Pending, not woken since).
  public internal(set) var pendingCount = 0
  /// Wakers `yield_now` left in the scheduler's defer list, woken after the next driver turn.
  public internal(set) var deferredWakers = 0
  /// Task polls since the driver (the reactor) last ran: tokio's event_interval counts them.
  public internal(set) var pollsSinceDriver = 0
  /// block_on's own future (main), once a schedule at position 0 names it:
  /// it is never in the run queue; `ready` means block_on will poll it at
  /// the top of its next loop iteration.
  public internal(set) var blockOnTask: TaskID?
  /// Whether block_on's future was woken and not yet polled again.
  public internal(set) var blockOnWoken = false
  /// A future a task made and kept without polling it (`future_made`), until
  /// it is handed to an await (`future_polled`) or its task ends.
  public struct LazyFuture: Sendable, Equatable {
    /// The task that made it.
    public var task: TaskID
    /// Where it was made.
    public var line: Int32
    /// What made it ("lookup", "db.query").
    public var label: StringID
    /// When it was made.
    public var madeUs: Int64
  }

  /// The futures made and not polled yet, oldest first (lazy: nothing of
  /// them has run).
  public internal(set) var lazyFutures: [LazyFuture] = []
  /// Every lint fired so far, in order.
  public internal(set) var lints: [LintRecord] = []
  /// Node's event loop (the node model's traces; empty for rust's).
  public internal(set) var node = NodeLoopState()
  /// The simulated kernel (the threads model's traces; empty for the others').
  public internal(set) var kernel = KernelState()
  /// Go's scheduler (the go model's traces; empty for the others').
  public internal(set) var go = GoSchedState()
  /// The helper units of selects and timeouts (go, threads), for the losers' notes.
  public internal(set) var races = RaceState()
  /// Set by `finish` once the state is that of the end of the run.
  public internal(set) var end: RunEnd?
  /// The last request written (`io_send`): the register that follows names its resource.
  var lastSend: SentRequest?

  /// The state before any event.
  public init() {}

  /// The task with id `id`, if spawned.
  public func task(_ id: TaskID) -> TaskInfo? {
    let i = id.index
    return i >= 0 && i < tasks.count ? tasks[i] : nil
  }

  /// Go's timers: the armed ones (`reactor.timers`, in the order Go runs
  /// them) less those of goroutines dropped when main returned, which the
  /// exiting process took along.
  public var goTimers: [ReactorState.Timer] {
    reactor.timers.filter { task($0.task)?.status != .dropped }
  }

  /// Marks the state as the end of the run: the tasks the end names become stuck.
  public mutating func finish(_ end: RunEnd) {
    guard self.end == nil else { return }
    self.end = end
    nowUs = max(nowUs, end.tUs)
    for id in end.stuckTasks where id.index >= 0 && id.index < tasks.count {
      if !tasks[id.index].status.isOver { setStatus(id, .stuck, at: nowUs) }
    }
  }

  /// Moves task `id` (known) to `status` at `tUs`, keeping the counts of live
  /// and pending tasks.
  mutating func setStatus(_ id: TaskID, _ status: TaskStatus, at tUs: Int64) {
    let old = tasks[id.index].status
    if old == .pending { pendingCount -= 1 }
    if old.isOver { liveCount += 1 }
    tasks[id.index].transition(to: status, at: tUs)
    if status == .pending { pendingCount += 1 }
    if status.isOver { liveCount -= 1 }
  }
}
