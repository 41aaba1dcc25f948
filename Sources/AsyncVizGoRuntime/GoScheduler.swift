import AsyncVizTrace

/// What one call of `GoScheduler.step()` did.
public enum GoSchedStep: Sendable, Equatable {
  /// A P's M ran `schedule` (checked its timers, took a goroutine or went idle).
  case scheduled
  /// A goroutine's code ran until it parked, yielded, returned, or started CPU work or a syscall.
  case ran
  /// Nothing could run now: virtual time moved to the next event (a timer,
  /// the end of CPU work or of a syscall, sysmon's preemption or handoff).
  case waited
  /// The run is over.
  case finished(RunEnd)
}

/// Go 1.19's scheduler (runtime/proc.go) on a virtual clock: `procs` Ps
/// (GOMAXPROCS), each with runnext, a local run queue and a timer heap; the
/// global run queue; Ms (threads), made when sysmon hands a P off from a
/// thread blocked in a system call; sysmon's 10 ms preemption. Goroutines'
/// code runs in zero virtual time, except CPU work and system calls. One
/// scheduling action per `step()`; Ps take turns, in a fixed order, so a
/// run is deterministic.
///
/// Not thread-safe: create, step and read it on one thread.
public final class GoScheduler: SteppedRuntime {
  /// sysmon preempts a goroutine that has run this long (`forcePreemptNS`, proc.go).
  public static let preemptAfterUs: Int64 = GoCosts.preemptAfterUs
  /// sysmon's shortest sleep (20 us, proc.go `sysmon`): how long after a
  /// goroutine enters a system call its P is handed off, and how soon after
  /// a stale time slice a goroutine is preempted.
  public static let sysmonTickUs: Int64 = 20
  /// P0's schedtick when main.main starts: runtime.main has already run the
  /// runtime's own goroutines (forcegchelper, bgsweep, bgscavenge, ...), each
  /// `execute` counting one. Measured on Go 1.19 with GOMAXPROCS=1: main
  /// starts 130 goroutines and calls Gosched; the global queue's turn
  /// (`schedtick % 61 == 0`) comes after 56 of them ran from the local queue,
  /// so schedtick is 5 (mod 61) when main.main starts, in every run.
  public static let mainSchedtick: UInt32 = 5

  /// The trace being recorded.
  public var recorder: TraceRecorder
  /// Virtual time in microseconds.
  public internal(set) var now: Int64 = 0
  /// runnext, the local queues and the global queue, by goroutine index.
  public internal(set) var queues: GoRunQueues
  /// The Ps.
  public internal(set) var procs: [GoProc]
  /// The Ms (threads); M0 runs main.
  public internal(set) var ms: [GoMState] = [.running(p: 0)]
  /// Each P's timer heap.
  var timers: [DeadlineHeap<GoTimer>]
  /// The goroutines, by index (task id minus 1).
  var gs: [GoG] = []
  /// When sysmon takes each P in `_Psyscall` (by P).
  var retakeAt: [Int: Int64] = [:]
  /// The P whose goroutine's code (or timers) runs now.
  var currentP = 0
  /// The goroutine whose code runs now.
  var currentG: Int?
  /// The P that took the last step (the next step looks at the Ps after it first).
  var lastActed = -1
  /// The step limit.
  let maxSteps: UInt32
  /// Runs before each goroutine's turn: the caller's per-turn budgets start over.
  public var onRun: (() -> Void)?
  /// What the program keeps (its goroutines' frames, its channels) for as long as the scheduler lives.
  public var keepAlive: AnyObject?
  /// Set once the run has ended.
  public internal(set) var end: RunEnd?
  /// Whether a run-time error stopped part of the program.
  public internal(set) var failed = false
  /// The most goroutines alive at once.
  public internal(set) var peakGoroutines = 0
  /// Goroutines alive now.
  public internal(set) var liveGoroutines = 0

  /// A scheduler for `program` (its `model` is set to go) with `procs` Ps.
  public init(program: ProgramInfo, procs: Int = 1, maxSteps: UInt32 = 100_000, tracing: Bool = true) {
    var info = program
    info.model = .go
    recorder = TraceRecorder(program: info, enabled: tracing)
    let n = max(1, procs)
    queues = GoRunQueues(procs: n)
    queues.setSchedtick(Self.mainSchedtick, on: 0)
    self.procs = Array(repeating: GoProc(), count: n)
    self.procs[0].m = 0
    self.procs[0].state = .scheduling
    timers = Array(repeating: DeadlineHeap(), count: n)
    self.maxSteps = maxSteps
  }

  /// The goroutine whose code runs now.
  public var currentTask: TaskID {
    guard let g = currentG else { return TaskID(1) }
    return gs[g].task
  }

  /// The program did not run as written: the run ends with reason `error`.
  public func fail() { failed = true }

  /// Starts main's goroutine (runtime.main runs `main.main` on the first G,
  /// put in P0's runnext by `newproc` before M0's first `schedule`).
  public func start(main name: String, body: any GoBody) {
    _ = newG(name, body: body, parent: nil)
    queues.put(0, on: 0, next: true)
    record(.goRunqPut(task: TaskID(1), p: 0, slot: .runnext))
    // The other Ps start idle, without an M (`procresize` puts them on the idle list).
    for p in procs.indices.dropFirst() { record(.goIdle(p: Int32(p))) }
  }

  // MARK: what goroutines do

  /// `go f()` (newproc): a new goroutine in the current P's runnext; the one
  /// there moves to the tail of the local queue (`runqput` with next).
  @discardableResult
  public func go(_ name: String, body: any GoBody) -> TaskID {
    let g = newG(name, body: body, parent: currentTask)
    put(g, on: currentP, next: true)
    wakeIdleP()
    return gs[g].task
  }

  /// `goready` (proc.go `ready`): a parked goroutine becomes runnable in the
  /// current P's runnext (the waker's P: a channel handoff, a timer firing).
  public func ready(_ task: TaskID) {
    let g = task.index
    guard case .waiting = gs[g].status else { return }
    gs[g].status = .runnable
    put(g, on: currentP, next: true)
    wakeIdleP()
  }

  /// `gopark`: the running goroutine waits; its P schedules another.
  public func park(_ reason: GoWaitReason, line: Int32) {
    guard let g = currentG else { return }
    gs[g].status = .waiting(reason)
    record(.goPark(task: gs[g].task, line: line, reason: reason))
    procs[currentP].state = .scheduling
  }

  /// `runtime.Gosched` (`goschedImpl`): the goroutine goes to the tail of the global queue.
  public func gosched() {
    guard let g = currentG else { return }
    gs[g].status = .runnable
    queues.putGlobal(g)
    record(.goRunqPut(task: gs[g].task, p: -1, slot: .global))
    procs[currentP].state = .scheduling
  }

  /// Arms a timer on the current P (`addtimer`): `fire` runs when a P's
  /// `checkTimers` finds it due, with that P current. `purpose` names the
  /// future it is for, in the trace (a time.Sleep, time.After, or a resource
  /// call's latency).
  public func addTimer(
    afterUs us: Int64, for task: TaskID, purpose: TimerPurpose, _ fire: @escaping () -> Void
  ) {
    let when = now + max(0, us)
    timers[currentP].insert(GoTimer(task: task, fire: fire), at: when)
    record(.timerSet(task: task, deadlineUs: when, purpose: purpose))
  }

  /// `time.Sleep(us)` (`timeSleep`, runtime/time.go): nothing for a
  /// duration of 0 or less (false); else the goroutine parks on a timer of its P.
  public func sleep(_ us: Int64, line: Int32, reason: GoWaitReason = .sleep) -> Bool {
    guard us > 0 else { return false }
    let task = currentTask
    addTimer(afterUs: us, for: task, purpose: .sleep) { [unowned self] in ready(task) }
    park(reason, line: line)
    return true
  }

  /// CPU work for `us`: the goroutine keeps its P (and is preempted after 10 ms).
  public func work(_ us: Int64) {
    guard let g = currentG, us > 0 else { return }
    procs[currentP].spinStartUs = now
    procs[currentP].state = .spinning(g: g, untilUs: now + us)
  }

  /// A blocking system call for `us` (`entersyscall`): the M stays in the
  /// kernel with the goroutine; sysmon hands the P to another M one tick later.
  public func syscall(_ us: Int64) {
    guard let g = currentG, let m = procs[currentP].m else { return }
    gs[g].status = .syscall
    record(.goSyscall(task: gs[g].task, m: Int32(m), durUs: us))
    procs[currentP].state = .syscall(g: g)
    ms[m] = .syscall(g: g, untilUs: now + max(0, us), p: currentP)
    retakeAt[currentP] = now + Self.sysmonTickUs
  }

  /// The goroutine returned (`goexit`). When it is main's, the program exits:
  /// every other goroutine ends with it.
  public func exit() {
    guard let g = currentG else { return }
    gs[g].status = .dead
    liveGoroutines -= 1
    record(.complete(task: gs[g].task))
    procs[currentP].state = .scheduling
    guard g == 0 else { return }
    // The process exits: every goroutine still alive ends where it was,
    // never resumed. The trace says so with a drop per goroutine, as the
    // threads model does for exit(), so that a replay knows each one ended.
    for other in gs.indices where gs[other].status != .dead {
      gs[other].status = .dead
      liveGoroutines -= 1
      record(.taskDrop(task: gs[other].task))
    }
    _ = finish(.completed)
  }

  // MARK: helpers

  private func newG(_ name: String, body: any GoBody, parent: TaskID?) -> Int {
    let task = recorder.addTask(name: name, parent: parent)
    gs.append(GoG(task: task, body: body))
    liveGoroutines += 1
    peakGoroutines = max(peakGoroutines, liveGoroutines)
    record(.spawn(task: task, parent: parent))
    return gs.count - 1
  }

  /// `runqput`, recorded: where the goroutine went, and where runnext's old
  /// goroutine went. When the local queue was full, `runqputslow` moved its
  /// first half to the global queue before the goroutine that did not fit:
  /// each of those moves is recorded too, so that the trace's local queue
  /// never holds more than `GoRunQueues.localCapacity`, as the model's does.
  func put(_ g: Int, on p: Int, next: Bool) {
    let displaced = next ? queues.ps[p].runnext : nil
    // Only a put that reaches a full local queue spills: then (and only
    // then) the half that moves is read before it goes.
    let spills = (!next || displaced != nil) && queues.ps[p].local.count >= GoRunQueues.localCapacity
    let spilled = spills ? Array(queues.ps[p].local.prefix(GoRunQueues.localCapacity / 2)) : []
    queues.put(g, on: p, next: next)
    if next { record(.goRunqPut(task: gs[g].task, p: Int32(p), slot: .runnext)) }
    // The goroutine that went to the local queue's tail, or would have.
    guard let queued = next ? displaced : g else { return }
    for moved in spilled { record(.goRunqPut(task: gs[moved].task, p: -1, slot: .global)) }
    let slot: GoRunSlot = spills ? .global : .local
    record(.goRunqPut(task: gs[queued].task, p: spills ? -1 : Int32(p), slot: slot))
  }

  /// `wakep`: with GOMAXPROCS above 1, an idle P gets an M to look for the
  /// new work (one at a time: not while another P is already looking).
  func wakeIdleP() {
    guard procs.count > 1, !procs.contains(where: { $0.state == .scheduling }),
      let p = procs.indices.first(where: { procs[$0].state == .idle })
    else { return }
    if procs[p].m == nil { procs[p].m = takeM(for: p) }
    procs[p].state = .scheduling
  }

  /// An idle M for P `p`, or a new thread (`startm`, `newm`).
  func takeM(for p: Int) -> Int {
    if let m = ms.indices.first(where: { ms[$0] == .idle }) {
      ms[m] = .running(p: p)
      return m
    }
    ms.append(.running(p: p))
    return ms.count - 1
  }
}
