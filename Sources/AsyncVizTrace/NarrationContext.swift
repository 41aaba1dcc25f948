/// What the narration must remember to explain an event: which task owns each
/// fd, the run queue's order, the task being polled, the wakers and timers of
/// every task. A small value updated one event at a time, front to back.
///
/// Use: for each event in order, call `note(for:in:)` (which describes the
/// event against the state *before* it), then `apply(_:in:)`.
public struct NarrationContext: Sendable {
  /// What a task is doing, in the words of design section 3.
  ///
  /// Transitions: `ready -> polling` (poll_start), `polling -> pending | ready`
  /// (poll_end Pending; ready when it was requeued during the poll),
  /// `pending -> ready` (schedule after a wake), `polling -> done` (complete).
  public enum Phase: UInt8, Sendable {
    /// In the run queue (or just spawned and about to be queued).
    case ready
    /// Being polled.
    case polling
    /// Returned Pending and not queued: waiting for a wake.
    case pending
    /// Finished.
    case done
    /// Dropped unfinished when block_on's future (main) returned.
    case dropped

    /// The phase after the executor pops the task and polls it.
    func pollStarted() -> Phase { .polling }

    /// The phase after a poll returns Pending; `requeued` when the task was
    /// woken during the poll and is in the run queue already.
    func pollEndedPending(requeued: Bool) -> Phase { requeued ? .ready : .pending }

    /// The phase after the task is pushed on the run queue.
    func scheduled() -> Phase { self == .pending ? .ready : self }

    /// Whether the task has ended, finished or dropped.
    var isOver: Bool { self == .done || self == .dropped }

    /// The phase after the task's future finished.
    func completed() -> Phase { .done }
  }

  /// One entry of the interest list, as far as the trace tells.
  struct FdInfo: Sendable {
    /// The task whose request opened the fd.
    var task: TaskID
    /// The resource it talks to ("db"); empty when unknown.
    var resource: StringID
    /// The operation requested ("query"); empty when unknown.
    var op: StringID
    /// The registered interest; nil until `register`.
    var interest: Interest?
    /// Set once a wait reported the fd ready (the answer arrived).
    var answered = false
  }

  /// What notes need to know about one task.
  struct TaskInfo: Sendable {
    /// Current phase.
    var phase = Phase.ready
    /// Whether the task has an entry in the run queue.
    var queued = false
    /// Polls so far.
    var polls: UInt32 = 0
    /// Stored wakers (clones minus wakes by others minus drops); never below 0 in a sound trace.
    var wakers: Int32 = 0
    /// Deadlines of the timers armed for the task and not yet fired, oldest first.
    var timers: [Int64] = []
    /// What the last Pending poll was waiting on, and where.
    var awaiting = StringID.empty
    /// Source line of the last Pending poll (0: none).
    var line: Int32 = 0
    /// When the current or last poll started.
    var pollStartUs: Int64 = 0
    /// The fds the task has in the interest list, in the order it opened them.
    var fds: [Int32] = []
    /// Woken during its current poll: queued again when the poll returns.
    var wokenInPoll = false
    /// Its waker went to the defer list (yield_now) during its current poll.
    var deferredInPoll = false
  }

  /// Per task, indexed by `TaskID.index`; grows as tasks appear.
  var tasks: [TaskInfo] = []
  /// The interest list: fd -> who registered it; an fd is here from io_send or
  /// register until deregister.
  var fds: [Int32: FdInfo] = [:]
  /// Run queue entries; the live ones start at `queueHead`.
  var queue: [TaskID] = []
  /// Index of the front of the run queue in `queue`.
  var queueHead = 0
  /// Number of tasks in phase `pending`.
  public internal(set) var pendingCount = 0
  /// Number of tasks not done.
  public internal(set) var liveCount = 0
  /// Fds the current reactor turn has reported ready so far.
  var readyInTurn = 0
  /// Wakers in the scheduler's defer list (yield_now), woken after the next driver turn.
  var deferred = 0
  /// Task polls since the driver last ran (tokio's event_interval counts them).
  var pollsSinceDriver = 0
  /// block_on's own future (main), once a schedule at position 0 names it.
  var blockOnTask: TaskID?
  /// Whether block_on's future was woken and not yet polled again.
  var blockOnWoken = false
  /// The previous event's payload (a waker clone right after a register is the reactor's).
  var lastPayload: EventPayload?

  /// An empty context, before the first event.
  public init() {}

  /// The tasks in the run queue, front first.
  public var runQueue: ArraySlice<TaskID> { queue[queueHead...] }

  /// The phase of a task (nil before its spawn).
  public func phase(of id: TaskID) -> Phase? {
    let i = id.index
    return i >= 0 && i < tasks.count ? tasks[i].phase : nil
  }

  /// Info of a task; a default value for an id never seen (malformed traces
  /// are rejected by the reader, but notes must never trap).
  func info(_ id: TaskID) -> TaskInfo {
    let i = id.index
    return i >= 0 && i < tasks.count ? tasks[i] : TaskInfo()
  }

}
