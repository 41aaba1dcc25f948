import AsyncVizTrace

/// What one event does to its task's status, for every model: the one table
/// of which event moves a task into which status. The reducer sets each
/// task's `TaskInfo.status` from it (`next(from:requeued:)`) and the
/// timeline opens and closes a lane's segments from it, so the panels, the
/// notes and the timeline cannot tell different stories of a task's life.
///
/// The statuses are tokio-console's words, which every model shares (a
/// thread on a CPU is shown as polling, a parked goroutine as pending); each
/// model's panels and notes say them in its own words: go's runnable,
/// running and parked; a thread's runnable, on a CPU and blocked; node's
/// resume queued, on the call stack and awaiting.
///
/// The rules depend on the event alone, never on the status before it: each
/// runtime records an event only where it is true (rust's executor records a
/// wake during a poll as a schedule after the poll ends; go puts a running
/// goroutine on a run queue only when it gives up its P; a thread is made
/// runnable only off its CPU). The reducer adds two facts of its own
/// (`next(from:requeued:)`): no event queues an ended task, and a task
/// already queued again when it stops is ready, not pending.
public enum TaskTransition: Sendable, Equatable {
  /// The event leaves its task's status as it is. A wake is one (the
  /// schedule or run-queue put it causes is the transition), and so is a
  /// run that returned finished (rust's poll returning Ready, an async fn
  /// leaving node's call stack at its return): the task ends with the
  /// `complete` event that follows, right after it under rust, once its
  /// promise is settled under node.
  case none
  /// Put in line to run (`ready`): spawned, scheduled (rust), put on a run
  /// queue or preempted (go), made runnable, preempted or yielding its CPU
  /// (threads), a job to resume it queued (node).
  case queued
  /// Starts to run (`polling`): polled (rust), executing on a P or back
  /// from a syscall with one (go), put on a CPU (threads), pushed on the
  /// call stack (node).
  case running
  /// Stops running to wait (`pending`) on what the `Awaited` says: a poll
  /// that returned Pending (rust), a thread blocked in the kernel, an async
  /// fn suspended at an await (node), a parked goroutine (go, whose wait
  /// reason is no `Awaited`: `.nothing`).
  case waiting(Awaited)
  /// Ends (`done` or `dropped`): its future or thread finished, or the
  /// runtime dropped it when main returned.
  case ended(TaskStatus)

  /// The transition `payload` makes to its task (`payload.task`).
  @inlinable
  public init(of payload: EventPayload) {
    self = Self.change(of: payload)?.transition ?? .none
  }

  /// The task whose status `payload` changes, and how; nil for an event
  /// that changes none (one switch gives both: the reducer asks at every
  /// event).
  @inlinable @inline(__always)
  public static func change(of payload: EventPayload) -> (task: TaskID, transition: TaskTransition)? {
    switch payload {
    case .spawn(let id, _), .schedule(let id, _, _), .goRunqPut(let id, _, _), .goPreempt(let id, _),
      .threadReady(let id, _), .microtaskQueue(let id, .resume):
      return (id, .queued)
    // A syscall's return without a P (p -1) runs nothing: the goroutine
    // goes to the global queue, which the run-queue put after it says.
    case .pollStart(let id), .goExecute(let id, _, _), .goSyscallExit(let id, _, 0...), .threadRun(let id, _),
      .callPush(let id):
      return (id, .running)
    case .pollEnd(let id, let result, _, let awaiting):
      return result == .pending ? (id, .waiting(awaiting)) : nil
    case .goPark(let id, _, _):
      return (id, .waiting(.nothing))
    case .threadStop(let id, _, _, let awaiting):
      // A stop with nothing awaited is a preemption at the end of a time
      // slice; one at `yield_now` is sched_yield: both leave it runnable.
      return (id, awaiting == .nothing || awaiting == .yieldNow ? .queued : .waiting(awaiting))
    case .callPop(let id, let line, let awaiting):
      // Popped at an await names its line (and most often what it awaits);
      // popped at its return names neither.
      return line != 0 || awaiting != .nothing ? (id, .waiting(awaiting)) : nil
    case .complete(let id):
      return (id, .ended(.done))
    case .taskDrop(let id):
      return (id, .ended(.dropped))
    // Every other kind (the reactor's, the wakers', output, a microtask
    // that is no resume, a syscall's return without a P, ...). A new kind
    // that moves its task into a status is added above, or neither the
    // reducer nor the timeline will see the move.
    default:
      return nil
    }
  }

  /// The status a task in `status` moves to (nil: it stays). `requeued`:
  /// the task is already back in the run queue (rust's executor queued it
  /// when it was woken during its poll), so it stops ready, not pending. An
  /// ended task is queued by nothing: in a trace a runtime made, no event
  /// queues it after its end.
  @inlinable @inline(__always)
  public func next(from status: TaskStatus, requeued: Bool) -> TaskStatus? {
    switch self {
    case .none: nil
    // (`isOver` spelled out: it is not inlinable from its module, and the
    // reducer asks at every status change.)
    case .queued: status == .done || status == .dropped ? nil : .ready
    case .running: .polling
    case .waiting: requeued ? .ready : .pending
    case .ended(let end): end
    }
  }
}
