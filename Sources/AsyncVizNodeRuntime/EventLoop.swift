import AsyncVizTrace
import DequeModule

/// What one call of `EventLoop.step()` did.
public enum NodeStep: Sendable, Equatable {
  /// Ran the microtask at the front of the queue.
  case microtask
  /// Ran a macrotask: main's first call, a timer or an immediate callback.
  case macrotask
  /// The poll phase waited in epoll_wait.
  case wait
  /// The run is over (this step did nothing).
  case finished(RunEnd)
}

/// Node's event loop, one JavaScript thread: V8's microtask queue, drained
/// completely after every macrotask, and libuv's turn through its phases
/// (timers, pending, poll, check, close; see `LoopCursor`) on a virtual
/// clock. One job (a microtask or a macrotask callback) per `step()`; the
/// front end, the tests and the CLI drive it through `step()`.
///
/// Not thread-safe: create, step and read it on one thread.
public final class EventLoop: SteppedRuntime {
  /// The trace being recorded.
  public var recorder: TraceRecorder
  /// Virtual time in microseconds: moved by the poll phase's wait and by blocking or CPU work.
  public internal(set) var now: Int64 = 0
  /// The frames running now.
  public private(set) var callStack = CallStack()
  /// The step limit.
  let maxSteps: UInt32
  var microtasks = Deque<Microtask>()
  /// The armed `setTimeout`s, earliest first; timers due at the same moment
  /// run in the order they were armed (libuv's timer heap compares `timeout`
  /// then `start_id` in timer_less_than, src/timer.c).
  var timers = DeadlineHeap<Macrotask>()
  var immediates = Deque<Macrotask>()
  var cursor = LoopCursor.start
  /// The phase last entered (recorded once per run of callbacks in it).
  var phase: LoopPhase?
  /// main's first call, run as the first macrotask.
  var main: (() -> Void)?
  /// Async fns whose promise has not settled, by index: true while alive.
  var alive: [Bool] = []
  /// The kernel and the real clock, for a run on real sockets (nil: the
  /// virtual clock, and a poll phase with no I/O).
  public var io: LoopIO?
  /// The poll phase's interest list: fd -> its watcher.
  var watchers: [Int32: Watcher] = [:]
  /// The callbacks of the fds the last epoll_wait reported, to run in the poll phase.
  var readyCallbacks: [Macrotask] = []
  /// What the program that runs on this loop keeps (its frames, its
  /// channels), held for as long as the loop lives.
  public var keepAlive: AnyObject?
  /// Runs before each job: the caller's per-job budgets start over.
  public var onJobStart: (() -> Void)?
  /// Set once the run has ended.
  public internal(set) var end: RunEnd?
  /// When main's promise was fulfilled (seen by a `then` on it, as the
  /// translation's harness sees it); nil while it has not.
  public private(set) var mainEndUs: Int64?
  /// Whether a run-time error stopped part of the program.
  public private(set) var failed = false

  /// A loop for `program` (its `model` is set to node), recording when `tracing`.
  public init(program: ProgramInfo, maxSteps: UInt32 = 100_000, tracing: Bool = true) {
    var info = program
    info.model = .node
    recorder = TraceRecorder(program: info, enabled: tracing)
    self.maxSteps = maxSteps
  }

  /// Sets main's first call: the first macrotask.
  public func start(_ main: @escaping () -> Void) { self.main = main }

  // MARK: tasks

  /// An async fn is called: its promise is made (`spawn` in the trace).
  public func called(_ name: String, by parent: TaskID?) -> TaskID {
    let id = recorder.addTask(name: name, parent: parent)
    alive.append(true)
    record(.spawn(task: id, parent: parent))
    return id
  }

  /// The async fn's promise is fulfilled.
  public func completed(_ task: TaskID) {
    guard task.index < alive.count, alive[task.index] else { return }
    alive[task.index] = false
    record(.complete(task: task))
  }

  /// main's promise was fulfilled now (the harness's `then` ran).
  public func mainReturned() { if mainEndUs == nil { mainEndUs = now } }

  /// A frame goes on the call stack.
  public func push(_ task: TaskID) {
    callStack.push(task)
    record(.callPush(task: task))
  }

  /// A frame leaves the call stack, suspended at an await or returned.
  public func pop(_ task: TaskID, line: Int32, awaiting: Awaited) {
    callStack.pop(task)
    record(.callPop(task: task, line: line, awaiting: awaiting))
  }

  /// Time passes on the JavaScript thread (CPU work, or a blocking call
  /// recorded by the caller): nothing else runs meanwhile.
  public func pass(_ us: Int64, blocking: Bool = false) {
    if let io {
      io.pass(us, blocking: blocking)
      now = max(now, io.now)
      return
    }
    now = now.addingReportingOverflow(max(0, us)).overflow ? .max : now + max(0, us)
  }

  /// Reads the real clock, for a run on real sockets (the virtual one moves only by itself).
  func refreshClock() {
    if let io { now = max(now, io.now) }
  }

  /// Puts `fd` in the poll phase's interest list: `callback` runs (a
  /// macrotask of the poll phase) each time epoll_wait reports it readable.
  public func watch(fd: Int32, for task: TaskID, _ callback: @escaping () -> Void) {
    record(.register(task: task, fd: fd, interest: .read))
    watchers[fd] = Watcher(task: task, callback: callback)
  }

  /// Takes `fd` out of the interest list.
  public func unwatch(fd: Int32) {
    guard watchers.removeValue(forKey: fd) != nil else { return }
    record(.deregister(fd: fd))
  }

  /// The program did not run as written: the run ends with reason `error`.
  public func fail() { failed = true }

  // MARK: queues

  /// Appends a job to the microtask queue.
  public func queueMicrotask(for task: TaskID, _ job: MicrotaskJob, _ run: @escaping () -> Void) {
    record(.microtaskQueue(task: task, job: job))
    microtasks.append(Microtask(task: task, job: job, run: run))
  }

  /// `setTimeout(callback, us / 1000)`: due after at least 1 ms, in whole
  /// milliseconds (Node makes a delay under 1 ms 1 ms, `Timeout` in
  /// lib/internal/timers.js, and compares whole-millisecond loop times).
  /// `purpose` names the future it is for, in the trace.
  public func setTimeout(
    for task: TaskID, us: Int64, purpose: TimerPurpose = .sleep, _ callback: @escaping () -> Void
  ) {
    refreshClock()
    let ms = max(1, us / 1000 + (us % 1000 > 0 ? 1 : 0))
    let deadline = now + ms * 1000
    record(.timerSet(task: task, deadlineUs: deadline, purpose: purpose))
    timers.insert(Macrotask(task: task, run: callback), at: deadline)
  }

  /// `setImmediate(callback)`: runs in the check phase.
  public func setImmediate(for task: TaskID, _ callback: @escaping () -> Void) {
    record(.immediateQueue(task: task))
    immediates.append(Macrotask(task: task, run: callback))
  }
}
