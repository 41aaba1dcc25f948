import AsyncVizTrace
import DequeModule

/// What Go's scheduler holds after step k, for the go model's panels and
/// notes: each P (runnext, local run queue, the goroutine it runs, its M),
/// the global run queue, each M (running a goroutine, in a system call,
/// idle), the netpoller's interest list, and every goroutine's state in Go's
/// words (the timers are the reactor's list: `TraceState.goTimers`). Empty
/// for other models' traces.
public struct GoSchedState: Sendable, Equatable {
  /// A goroutine's state (`_Grunnable`, `_Grunning`, `_Gwaiting`, `_Gsyscall`, `_Gdead`).
  public enum GStatus: Sendable, Equatable {
    case runnable
    case running
    case waiting(GoWaitReason)
    case syscall
    case dead

    /// Go's words, as `runtime.Stack` prints them ("waiting: chan receive").
    public var words: String {
      switch self {
      case .runnable: "runnable"
      case .running: "running"
      case .waiting(let reason): "waiting: \(reason.name)"
      case .syscall: "syscall"
      case .dead: "dead"
      }
    }
  }

  /// What a P is doing.
  public enum PDoing: Sendable, Equatable {
    /// Its M looks for a goroutine (or it has not started).
    case scheduling
    /// Running goroutine `g`.
    case running(TaskID)
    /// Held by an M in a system call with `g` (`_Psyscall`).
    case syscall(TaskID)
    /// `_Pidle`.
    case idle
  }

  /// One P.
  public struct Proc: Sendable, Equatable {
    public internal(set) var doing = PDoing.scheduling
    public internal(set) var runnext: TaskID?
    public internal(set) var local: Deque<TaskID> = []
    public internal(set) var m: Int32?

    /// A P that has not started.
    public init() {}
  }

  /// What an M (a thread) is doing.
  public enum MDoing: Sendable, Equatable {
    /// Holding P `p` (running `g`, or looking for work when nil).
    case running(p: Int32, g: TaskID?)
    /// In a blocking system call for `g`.
    case syscall(TaskID)
    /// Parked.
    case idle
  }

  /// Whether the trace is a go model's (a go event was seen).
  public internal(set) var active = false
  public internal(set) var procs: [Proc] = []
  public internal(set) var global: Deque<TaskID> = []
  public internal(set) var ms: [MDoing] = []
  /// Goroutines parked in the netpoller ("IO wait"), in the order they came.
  public internal(set) var netpoller: Deque<TaskID> = []
  /// Which run queue each goroutine sits in, by task index (`notQueued`,
  /// `inGlobal`, or `inLocal + p`), and whether it is in the netpoller's
  /// list: a goroutine in none is not searched for, and one in a local queue
  /// is searched for there alone (a search of the 60,000-goroutine global
  /// queue per `go` statement or run made replaying many-requests quadratic).
  /// (Module-internal for the history's checkpoints: `TraceState.growingParts`.)
  var queuedIn: [Int32] = []
  var inNetpoller: [Bool] = []
  private static let notQueued: Int32 = 0
  private static let inGlobal: Int32 = 1
  private static let inLocal: Int32 = 2
  /// Each goroutine's state, by task index.
  public internal(set) var statuses: [GStatus] = []
  /// Counts for the costs line.
  public internal(set) var goroutinesMade = 0
  public internal(set) var liveGoroutines = 0
  public internal(set) var peakGoroutines = 0
  public internal(set) var preemptions = 0
  public internal(set) var handoffs = 0

  /// The state before any event.
  public init() {}

  /// A goroutine's state (runnable if never seen).
  public func status(_ task: TaskID) -> GStatus {
    task.index < statuses.count ? statuses[task.index] : .runnable
  }

  /// Ms made besides M0 (threads the runtime created).
  public var threadsMade: Int { max(0, ms.count - 1) }

  mutating func apply(_ payload: EventPayload) {
    switch payload {
    case .goRunqPut(let task, let p, let slot):
      active = true
      unqueue(task)
      if Self.flag(inNetpoller, task) {
        netpoller.removeOnly { $0 == task }
        Self.setFlag(&inNetpoller, task, false)
      }
      set(task, .runnable)
      switch slot {
      case .runnext: self[proc: p].runnext = task
      case .local:
        // In place: through `self[proc:]` the append would copy the whole
        // queue (the getter's copy shares its storage with `procs`).
        while procs.count <= Int(p) { procs.append(Proc()) }
        procs[Int(p)].local.append(task)
        setQueue(task, Self.inLocal + p)
      case .global:
        global.append(task)
        setQueue(task, Self.inGlobal)
      }
    case .goExecute(let task, let p, let m):
      unqueue(task)
      set(task, .running)
      self[proc: p].doing = .running(task)
      self[proc: p].m = m
      self[mach: m] = .running(p: p, g: task)
    case .goPark(let task, _, let reason):
      set(task, .waiting(reason))
      if reason == .ioWait {
        netpoller.append(task)
        Self.setFlag(&inNetpoller, task, true)
      }
      stopRunning(task)
    case .goSyscall(let task, let m, _):
      set(task, .syscall)
      for p in procs.indices where procs[p].doing == .running(task) { procs[p].doing = .syscall(task) }
      self[mach: m] = .syscall(task)
    case .goSyscallExit(let task, let m, let p):
      if p >= 0 {
        set(task, .running)
        if let old = self[proc: p].m, old != m, Int(old) < ms.count { ms[Int(old)] = .idle }
        self[proc: p].doing = .running(task)
        self[proc: p].m = m
        self[mach: m] = .running(p: p, g: task)
      } else {
        self[mach: m] = .idle
        for q in procs.indices where procs[q].doing == .syscall(task) { procs[q].doing = .idle }
      }
    case .goHandoff(let p, let m):
      handoffs += 1
      self[proc: p].doing = .scheduling
      self[proc: p].m = m
      self[mach: m] = .running(p: p, g: nil)
    case .goPreempt(let task, _):
      preemptions += 1
      stopRunning(task)
    case .goIdle(let p):
      if let m = self[proc: p].m, Int(m) < ms.count, case .running = ms[Int(m)] { ms[Int(m)] = .idle }
      self[proc: p].doing = .idle
      self[proc: p].m = nil
    case .spawn(let task, _):
      guard active || task.rawValue == 1 else { return }
      goroutinesMade += 1
      liveGoroutines += 1
      peakGoroutines = max(peakGoroutines, liveGoroutines)
      set(task, .runnable)
    case .complete(let task), .taskDrop(let task):
      guard active else { return }
      liveGoroutines -= 1
      set(task, .dead)
      if case .taskDrop = payload {
        // main returned and the process exited with this goroutine alive:
        // it leaves every queue where it was (a goroutine that completes ran
        // last, so it sits in no queue), and its timers (`TraceState.goTimers`).
        unqueue(task)
      }
      stopRunning(task)
    default:
      break
    }
  }

  private mutating func set(_ task: TaskID, _ status: GStatus) {
    while statuses.count <= task.index { statuses.append(.runnable) }
    statuses[task.index] = status
  }

  private subscript(proc p: Int32) -> Proc {
    get { Int(p) < procs.count ? procs[Int(p)] : Proc() }
    set {
      while procs.count <= Int(p) { procs.append(Proc()) }
      procs[Int(p)] = newValue
    }
  }

  private subscript(mach m: Int32) -> MDoing {
    get { Int(m) < ms.count ? ms[Int(m)] : .idle }
    set {
      while ms.count <= Int(m) { ms.append(.idle) }
      ms[Int(m)] = newValue
    }
  }

  /// The P whose local run queue holds `task`, if one does.
  public func localQueue(of task: TaskID) -> Int? {
    let queue = task.index < queuedIn.count ? queuedIn[task.index] : Self.notQueued
    return queue >= Self.inLocal ? Int(queue - Self.inLocal) : nil
  }

  /// Takes `task` out of every queue (it runs, or moves).
  private mutating func unqueue(_ task: TaskID) {
    for p in procs.indices where procs[p].runnext == task { procs[p].runnext = nil }
    let queue = task.index < queuedIn.count ? queuedIn[task.index] : Self.notQueued
    if queue == Self.notQueued { return }
    queuedIn[task.index] = Self.notQueued
    if queue == Self.inGlobal {
      global.removeOnly { $0 == task }
    } else if Int(queue - Self.inLocal) < procs.count {
      procs[Int(queue - Self.inLocal)].local.removeOnly { $0 == task }
    }
  }

  private mutating func setQueue(_ task: TaskID, _ queue: Int32) {
    while queuedIn.count <= task.index { queuedIn.append(Self.notQueued) }
    queuedIn[task.index] = queue
  }

  private static func flag(_ flags: [Bool], _ task: TaskID) -> Bool {
    task.index < flags.count && flags[task.index]
  }

  private static func setFlag(_ flags: inout [Bool], _ task: TaskID, _ value: Bool) {
    while flags.count <= task.index { flags.append(false) }
    flags[task.index] = value
  }

  /// `task` no longer runs on any P or M.
  private mutating func stopRunning(_ task: TaskID) {
    for p in procs.indices where procs[p].doing == .running(task) { procs[p].doing = .scheduling }
    for m in ms.indices where ms[m] == .running(p: pOf(m), g: task) {
      ms[m] = .running(p: pOf(m), g: nil)
    }
  }

  private func pOf(_ m: Int) -> Int32 {
    if case .running(let p, _) = ms[m] { return p }
    return -1
  }
}

extension GoSchedState {
  /// The bytes this state's arrays hold (a deque by its count).
  var storedBytes: Int {
    var bytes =
      statuses.capacity * MemoryLayout<GStatus>.stride + queuedIn.capacity * 4 + inNetpoller.capacity
    bytes += (global.count + netpoller.count) * MemoryLayout<TaskID>.stride
    for proc in procs { bytes += MemoryLayout<Proc>.stride + proc.local.count * MemoryLayout<TaskID>.stride }
    return bytes + ms.capacity * MemoryLayout<MDoing>.stride
  }
}

extension GoSchedState.Proc: QueueUnit {
  static var queue: WritableKeyPath<Self, Deque<TaskID>> { \.local }
}
