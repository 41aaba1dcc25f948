import AsyncVizTrace

/// What a future may use while it is polled, as in Rust's `std::task::Context`:
/// the task's waker, plus (asyncviz-specific) the runtime services a leaf
/// future needs: the reactor, timers, spawning, and a place to say where the
/// task is suspended so the trace can show it.
///
/// A context exists only during one poll and must not be stored.
public struct Context {
  /// The runtime's state. Valid for the duration of the poll: the `Runtime`
  /// that owns it is inside `step()` and outlives this value.
  let core: UnsafeMutablePointer<RuntimeCore>
  /// The task being polled.
  public let task: TaskID
  /// Source line where the task is suspended, set by the future that returns
  /// Pending (0: no source, e.g. a native future).
  public var suspendLine: Int32 = 0
  /// What the task waits on (a resource call, a sleep, a task's handle), set likewise.
  public var awaiting: Awaited = .nothing
  /// Which combinator child is being polled (nil: none, the task's own
  /// future). A combinator sets it around each child's poll; wakers stored
  /// meanwhile carry it, so a wake names the child to poll again.
  ///
  /// Kept unretained (`routeSet`, `routeIndex`), so that a context holds no
  /// reference and its destruction after every poll is free: the combinator
  /// that set it owns the set for as long as its child's poll lasts, and a
  /// waker stored meanwhile retains it (`WakeRoute` is a strong reference).
  public var route: WakeRoute? {
    get {
      guard let routeSet else { return nil }
      return WakeRoute(set: routeSet.takeUnretainedValue(), index: routeIndex)
    }
    set {
      routeSet = newValue.map { Unmanaged.passUnretained($0.set) }
      routeIndex = newValue?.index ?? 0
    }
  }
  /// `route`'s set, unretained (nil: no route).
  var routeSet: Unmanaged<ReadySet>?
  /// `route`'s child index.
  var routeIndex = 0
  /// How many futures deep this poll is nested, counted by the futures that
  /// nest polls (the .av interpreter), so that a limit can keep the stack
  /// from overflowing.
  public var nesting = 0
  /// Futures polled so far in this poll, counted likewise: a budget that
  /// counts instructions must count these polls too, or a join of many
  /// children could do unbounded work per step.
  public var futurePolls = 0
  /// A failure a future met that its awaiter must report as a run-time
  /// error rather than see as a value (a request that could not be sent):
  /// set by the future, taken by the code that awaited it. Kept in the core
  /// (and cleared when the poll ends), so that the context holds no
  /// reference; it is read only after an await's poll, rarely set.
  public var failure: String? {
    get { core.pointee.failure }
    nonmutating set { core.pointee.failure = newValue }
  }

  init(core: UnsafeMutablePointer<RuntimeCore>, task: TaskID) {
    self.core = core
    self.task = task
  }

  /// Current time in microseconds (virtual on sim, elapsed real on epoll).
  public var now: Int64 { core.pointee.currentNow() }

  /// Says what the task is waiting on and where. The innermost pending future
  /// calls this first, so the first value set wins; a combinator that wants to
  /// describe itself ("join") assigns `awaiting` directly.
  public mutating func suspend(on awaiting: Awaited, line: Int32 = 0) {
    if case .nothing = self.awaiting { self.awaiting = awaiting }
    if suspendLine == 0 { suspendLine = line }
  }

  /// Interns a string in the trace (resource names, ops, output).
  public func intern(_ text: String) -> StringID { core.pointee.recorder.intern(text) }

  // MARK: wakers

  /// Stores a copy of this task's waker with someone who will wake it later.
  /// Every stored waker must be consumed by `wake(_:by:)` or `dropWaker`.
  public func storeWaker() -> Waker { core.pointee.storeWaker(for: task, route: route) }

  /// Wakes this task from inside its own poll: it goes to the back of the run
  /// queue when the poll returns (tokio's NOTIFIED bit, then `schedule`).
  @inline(__always)
  public func wakeSelf() {
    route?.mark()
    core.pointee.wakeSelf(task)
  }

  /// Puts a clone of this task's waker in the scheduler's defer list instead
  /// of waking it (tokio's `yield_now`): it is woken after the next driver
  /// turn, so tasks whose I/O or timers are ready run first.
  @inline(__always)
  public func deferWake() { core.pointee.deferWake(task, routeSet: routeSet, routeIndex: routeIndex) }

  /// What `YieldNow`'s first poll does: defers the wake and says the task
  /// waits on the yield.
  @usableFromInline
  mutating func deferYield() {
    deferWake()
    suspend(on: .yieldNow)
  }

  /// Wakes another task whose waker this future's callee stored (a channel peer).
  public func wake(_ waker: Waker) { core.pointee.wake(waker, by: .task, from: task) }

  /// Drops a stored waker without waking it.
  public func dropWaker(_ waker: Waker) { core.pointee.dropWaker(waker) }

  // MARK: work inside a poll

  /// CPU work inside the poll: time passes, nothing else can run.
  public func work(_ us: Int64) {
    core.pointee.reactor.backend.pass(us, blocking: false)
    core.pointee.refreshClock()
  }

  /// A blocking call (a sleep that is not async): the whole executor stops
  /// for `us`; `line` is where the program made it (0: no source).
  public func block(_ us: Int64, line: Int32 = 0) {
    core.pointee.record(.block(task: task, durUs: us, line: line))
    core.pointee.reactor.backend.pass(us, blocking: true)
    core.pointee.refreshClock()
  }

  /// Whether events are being recorded. The interpreter asks before work
  /// done only for an event (finding a kept future's line, interning its
  /// label), so a run with tracing off pays nothing for it.
  public var recording: Bool {
    @inline(__always) get { core.pointee.recorder.enabled }
  }

  /// Records that the task made a future at `line` and kept it unpolled
  /// (`future_made`): the lazy-future lesson, visible in the trace.
  public func futureMade(line: Int32, label: String) {
    guard recording else { return }
    let id = core.pointee.recorder.intern(label)
    core.pointee.record(.futureMade(task: task, line: line, label: id))
  }

  /// Records that the future made at `line` was handed to an await (`future_polled`).
  public func futurePolled(line: Int32, label: String) {
    guard recording else { return }
    let id = core.pointee.recorder.intern(label)
    core.pointee.record(.futurePolled(task: task, line: line, label: id))
  }

  /// Records a line the program printed.
  public func output(_ text: String) {
    let id = core.pointee.recorder.intern(text)
    core.pointee.record(.output(task: task, text: id))
  }

  /// Reports a run-time error: the program did not run as written, so the
  /// run will end with reason `error` (exit status 1) whatever its tasks do
  /// next. `line`, if any, is printed like `output` (nil: already reported).
  public func fail(_ line: String?) {
    core.pointee.failed = true
    if let line { output(line) }
  }

  // MARK: tasks

  /// Whether one more task stays within `RuntimeOptions.maxTasks` live tasks.
  /// `spawn` does not check it (native code decides for itself); the .av
  /// interpreter does, and stops the spawning fn with a message at the limit.
  public var canSpawn: Bool { core.pointee.liveTasks < core.pointee.options.maxTasks }

  /// Tasks spawned and not yet done.
  public var liveTasks: Int { core.pointee.liveTasks }

  /// Spawns a new task running `future`; it is queued at once and runs when
  /// it reaches the front of the run queue, whether or not anyone awaits it.
  @inlinable
  public func spawn<F: Future>(_ name: String, _ future: F) -> JoinHandle<F.Output> {
    JoinHandle(task: spawnCell(name: name, cell: .passRetained(TaskCell.make(future))))
  }

  /// `cell` comes retained for its slot (see `Runtime.spawnCell`).
  @usableFromInline
  func spawnCell(name: String, cell: Unmanaged<TaskCell>) -> TaskID {
    core.pointee.spawn(name: name, parent: task, cell: cell)
  }
}
