/// What happened, with the fields of each event kind (docs/trace-format.md).
///
/// Strings are interned (`StringID`) so that an event is a small plain value:
/// the runtime appends millions of them per second when tracing is on.
/// `fd` values are the kernel's (epoll) or the simulated kernel's (sim).
public enum EventPayload: Sendable, Equatable {
  /// A task was created; `parent` is nil for the root task.
  case spawn(task: TaskID, parent: TaskID?)
  /// A task was pushed on the run queue; `position` is 1-based from the front.
  case schedule(task: TaskID, cause: ScheduleCause, position: Int32)
  /// The executor started polling a task.
  case pollStart(task: TaskID)
  /// The poll returned; `line` is where the task is suspended (0: no source),
  /// `awaiting` is the operation it waits on (`nothing` when ready).
  case pollEnd(task: TaskID, result: PollResult, line: Int32, awaiting: Awaited)
  /// The task's future returned Ready: the task is done.
  case complete(task: TaskID)
  /// The reactor stored the task's waker for readiness of `fd`.
  case register(task: TaskID, fd: Int32, interest: Interest)
  /// The fd left the interest list (and was closed).
  case deregister(fd: Int32)
  /// The reactor blocked in epoll_wait (or its simulation); nil timeout is infinite.
  case reactorWait(timeoutUs: Int64?)
  /// The wait reported `fd` ready.
  case reactorReady(fd: Int32, readiness: Interest)
  /// A timer for `task` was queued for `deadlineUs`; under node and go,
  /// `purpose` says which future the timer is for (nil under rust and threads).
  case timerSet(task: TaskID, deadlineUs: Int64, purpose: TimerPurpose? = nil)
  /// The timer of `task` came due.
  case timerFire(task: TaskID)
  /// The armed timer of `task` due at `deadlineUs` was cancelled before it
  /// fired (its sleep was dropped); a `waker_drop` of its waker follows.
  case timerCancel(task: TaskID, deadlineUs: Int64)
  /// A waker of `task` was woken. `fd` is set for reactor wakes, `fromTask` for task wakes.
  case wake(task: TaskID, by: WakeSource, fd: Int32?, fromTask: TaskID?)
  /// A copy of the task's waker was stored by a leaf future's callee.
  case wakerClone(task: TaskID)
  /// A stored waker of the task was dropped without being woken.
  case wakerDrop(task: TaskID)
  /// A request was written to a resource's connection.
  case ioSend(task: TaskID, fd: Int32, resource: StringID, op: StringID)
  /// The program printed a line.
  case output(task: TaskID, text: StringID)
  /// A blocking call stopped the whole executor; `line` is the call's
  /// source line (0: no source, or a trace written before it was recorded).
  case block(task: TaskID, durUs: Int64, line: Int32)
  /// A lint fired for the task; `detail` completes the message.
  case lint(task: TaskID, code: LintCode, detail: StringID)
  /// The task's future (tokio's `yield_now`) put a clone of its waker in the
  /// scheduler's defer list instead of waking it (this event is that clone:
  /// no `waker_clone` comes with it): the waker is woken (by `defer`) only
  /// after the next driver turn, so I/O and timers go first.
  case deferWake(task: TaskID)
  /// `block_on`'s future (main) returned while the task was alive: the
  /// runtime dropped it, unfinished. Its future is never polled again.
  case taskDrop(task: TaskID)
  /// The task made a future at `line` and kept it as a value (`let f =
  /// lookup(x)`) instead of awaiting it: nothing of it runs yet (lazy).
  /// `label` names what made it ("lookup", "db.query").
  case futureMade(task: TaskID, line: Int32, label: StringID)
  /// The future the task made at `line` (the `future_made` with the same
  /// task, line and label, oldest first) was handed to an await, `join`,
  /// `select` or `timeout`: it is polled from now on, as part of the task.
  case futurePolled(task: TaskID, line: Int32, label: StringID)

  // Node's event loop (the node model); `spawn` is an async fn call making
  // its promise, `complete` that promise fulfilled, `timer_set`/`timer_fire`
  // a setTimeout, `reactor_wait` the poll phase's epoll_wait.

  /// The loop entered a phase of its turn that has work (or waits, for poll).
  case phase(LoopPhase)
  /// A job was appended to the microtask queue for `task` (the async fn it
  /// resumes, or the one whose helper promise it serves).
  case microtaskQueue(task: TaskID, job: MicrotaskJob)
  /// The job at the front of the microtask queue ran.
  case microtaskRun(task: TaskID, job: MicrotaskJob)
  /// `setImmediate` queued a callback for the check phase.
  case immediateQueue(task: TaskID)
  /// The check phase ran that callback.
  case immediateRun(task: TaskID)
  /// The async fn's frame went on the call stack (called, or resumed).
  case callPush(task: TaskID)
  /// The frame left the call stack: at an `await` (`line`, `awaiting`) or
  /// because it returned (`line` 0, `awaiting` nothing).
  case callPop(task: TaskID, line: Int32, awaiting: Awaited)

  // The kernel's scheduler (the threads model); a task is an OS thread,
  // `spawn` its pthread_create, `complete` its exit, `timer_set` a
  // nanosleep's deadline.

  /// CPU `cpu` switched to the thread (a context switch): it runs now.
  case threadRun(task: TaskID, cpu: Int32)
  /// The thread left CPU `cpu`: blocked in the kernel on `awaiting` (a read,
  /// nanosleep, a futex) at `line`; `yield_now` for sched_yield; `nothing`
  /// when its time slice ran out (preempted, still runnable).
  case threadStop(task: TaskID, cpu: Int32, line: Int32, awaiting: Awaited)
  /// The thread became runnable and joined the run queue of CPU `cpu`.
  case threadReady(task: TaskID, cpu: Int32)
  // Go's scheduler (the go model): `spawn` is `go f()` (newproc), `complete`
  // the goroutine's return, `timer_set`/`timer_fire` a P's timer.

  /// A runnable goroutine was put in P `p`'s runnext or local queue, or on
  /// the global queue (`p` is then -1).
  case goRunqPut(task: TaskID, p: Int32, slot: GoRunSlot)
  /// P `p`, on thread M `m`, started running the goroutine (`execute`).
  case goExecute(task: TaskID, p: Int32, m: Int32)
  /// The goroutine parked (`gopark`) at `line`, for `reason`.
  case goPark(task: TaskID, line: Int32, reason: GoWaitReason)
  /// The goroutine entered a blocking system call on M `m` for `durUs`.
  case goSyscall(task: TaskID, m: Int32, durUs: Int64)
  /// The system call returned on M `m`; the goroutine runs on P `p`, or
  /// went to the global queue (`p` -1) because no P was free.
  case goSyscallExit(task: TaskID, m: Int32, p: Int32)
  /// sysmon took P `p` from a thread in a system call and handed it to M `m` (`handoffp`).
  case goHandoff(p: Int32, m: Int32)
  /// sysmon preempted the goroutine after its 10 ms on P `p`: it goes to the global queue.
  case goPreempt(task: TaskID, p: Int32)
  /// P `p` found nothing to run and went idle.
  case goIdle(p: Int32)

  /// The task the event is about, if any.
  public var task: TaskID? {
    switch self {
    case .spawn(let t, _), .schedule(let t, _, _), .pollStart(let t), .pollEnd(let t, _, _, _),
      .complete(let t), .register(let t, _, _), .timerSet(let t, _, _), .timerFire(let t),
      .timerCancel(let t, _), .wake(let t, _, _, _), .wakerClone(let t), .wakerDrop(let t),
      .ioSend(let t, _, _, _),
      .output(let t, _), .block(let t, _, _), .lint(let t, _, _), .deferWake(let t), .taskDrop(let t),
      .futureMade(let t, _, _), .futurePolled(let t, _, _),
      .microtaskQueue(let t, _), .microtaskRun(let t, _), .immediateQueue(let t), .immediateRun(let t),
      .callPush(let t), .callPop(let t, _, _), .threadRun(let t, _), .threadStop(let t, _, _, _),
      .threadReady(let t, _), .goRunqPut(let t, _, _), .goExecute(let t, _, _),
      .goPark(let t, _, _), .goSyscall(let t, _, _), .goSyscallExit(let t, _, _), .goPreempt(let t, _):
      return t
    case .deregister, .reactorWait, .reactorReady, .phase, .goHandoff, .goIdle:
      return nil
    }
  }

  /// The kind's name in traces.
  public var kindName: String { kind.name.description }

  /// The event's kind, whose `name` is the word used in traces.
  package var kind: EventKind {
    switch self {
    case .spawn: .spawn
    case .schedule: .schedule
    case .pollStart: .pollStart
    case .pollEnd: .pollEnd
    case .complete: .complete
    case .register: .register
    case .deregister: .deregister
    case .reactorWait: .reactorWait
    case .reactorReady: .reactorReady
    case .timerSet: .timerSet
    case .timerFire: .timerFire
    case .timerCancel: .timerCancel
    case .wake: .wake
    case .wakerClone: .wakerClone
    case .wakerDrop: .wakerDrop
    case .ioSend: .ioSend
    case .output: .output
    case .block: .block
    case .lint: .lint
    case .deferWake: .deferWake
    case .taskDrop: .taskDrop
    case .futureMade: .futureMade
    case .futurePolled: .futurePolled
    case .phase: .phase
    case .microtaskQueue: .microtaskQueue
    case .microtaskRun: .microtaskRun
    case .immediateQueue: .immediateQueue
    case .immediateRun: .immediateRun
    case .callPush: .callPush
    case .callPop: .callPop
    case .threadRun: .threadRun
    case .threadStop: .threadStop
    case .threadReady: .threadReady
    case .goRunqPut: .goRunqPut
    case .goExecute: .goExecute
    case .goPark: .goPark
    case .goSyscall: .goSyscall
    case .goSyscallExit: .goSyscallExit
    case .goHandoff: .goHandoff
    case .goPreempt: .goPreempt
    case .goIdle: .goIdle
    }
  }
}

/// The event kinds, in the order of `EventPayload`'s cases.
@usableFromInline package enum EventKind: UInt8, CaseIterable {
  case spawn, schedule, pollStart, pollEnd, complete, register, deregister, reactorWait, reactorReady
  case timerSet, timerFire, timerCancel, wake, wakerClone, wakerDrop, ioSend, output, block, lint
  case deferWake, taskDrop, futureMade, futurePolled
  case phase, microtaskQueue, microtaskRun, immediateQueue, immediateRun, callPush, callPop
  case threadRun, threadStop, threadReady
  case goRunqPut, goExecute, goPark, goSyscall, goSyscallExit, goHandoff, goPreempt, goIdle

  /// The kind's name in traces.
  @usableFromInline package var name: StaticString {
    switch self {
    case .spawn: "spawn"
    case .schedule: "schedule"
    case .pollStart: "poll_start"
    case .pollEnd: "poll_end"
    case .complete: "complete"
    case .register: "register"
    case .deregister: "deregister"
    case .reactorWait: "reactor_wait"
    case .reactorReady: "reactor_ready"
    case .timerSet: "timer_set"
    case .timerFire: "timer_fire"
    case .timerCancel: "timer_cancel"
    case .wake: "wake"
    case .wakerClone: "waker_clone"
    case .wakerDrop: "waker_drop"
    case .ioSend: "io_send"
    case .output: "output"
    case .block: "block"
    case .lint: "lint"
    case .deferWake: "defer"
    case .taskDrop: "task_drop"
    case .futureMade: "future_made"
    case .futurePolled: "future_polled"
    case .phase: "phase"
    case .microtaskQueue: "microtask_queue"
    case .microtaskRun: "microtask_run"
    case .immediateQueue: "immediate_queue"
    case .immediateRun: "immediate_run"
    case .callPush: "call_push"
    case .callPop: "call_pop"
    case .threadRun: "thread_run"
    case .threadStop: "thread_stop"
    case .threadReady: "thread_ready"
    case .goRunqPut: "go_runq_put"
    case .goExecute: "go_execute"
    case .goPark: "go_park"
    case .goSyscall: "go_syscall"
    case .goSyscallExit: "go_syscall_exit"
    case .goHandoff: "go_handoff"
    case .goPreempt: "go_preempt"
    case .goIdle: "go_idle"
    }
  }
}
