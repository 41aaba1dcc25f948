import AsyncVizTrace
import DequeModule

/// What the simulated kernel holds after step k, for the threads model's
/// panels, notes and `compare`: each CPU and the thread it runs, the run
/// queues, the blocked threads and what they wait on, and the counters
/// (context switches, threads alive). Empty for the other models' traces.
public struct KernelState: Sendable, Equatable {
  /// A CPU: the thread on it and its run queue (front first).
  public struct CPU: Sendable, Equatable {
    public var current: TaskID?
    public var runQueue: Deque<TaskID> = []
  }

  /// A thread asleep in the kernel.
  public struct Blocked: Sendable, Equatable {
    public var task: TaskID
    /// What it waits on (a resource's read, sleep for nanosleep, a futex's owner).
    public var awaiting: Awaited
    /// Where, in the source.
    public var line: Int32
    /// When nanosleep ends (the `timer_set` before the block), if it is one.
    public var untilUs: Int64?
  }

  /// The CPUs seen so far (a trace names each CPU as a thread runs or queues on it).
  public internal(set) var cpus: [CPU] = []
  /// Blocked threads, in the order they blocked.
  public internal(set) var blocked: Deque<Blocked> = []
  /// Context switches so far (each `thread_run`).
  public internal(set) var contextSwitches = 0
  /// Slices that ran out while another thread waited.
  public internal(set) var preemptions = 0
  /// Threads alive now, and the most at once: spawns less completions and
  /// drops, counted under every model (`ModelFacts.peakUnits` reads it).
  public internal(set) var liveThreads = 0
  public internal(set) var peakThreads = 0
  /// The last nanosleep deadline set, by thread (read by the block that follows).
  var pendingSleep: [TaskID: Int64] = [:]
  /// By thread index: the CPU whose run queue holds it, plus one (0: none),
  /// and its entries in `blocked` (one, but a hand-edited trace may block a
  /// thread twice). A thread in neither is not searched for: a search of
  /// 125,000 blocked threads per thread run made replaying many-requests
  /// quadratic (25 s to index a million events). (Module-internal for the
  /// history's checkpoints: `TraceState.growingParts`.)
  var runQueueOf: [Int32] = []
  var blockedEntries: [Int32] = []

  /// The state before any event.
  public init() {}

  /// Resident memory of the threads alive now (stack pages and kernel stacks).
  public var residentBytes: Int64 { KernelCosts.residentBytes(threads: liveThreads) }
  /// Address space reserved for their stacks.
  public var reservedBytes: Int64 { KernelCosts.reservedBytes(threads: liveThreads) }

  /// The entry of blocked thread `task`, if it is blocked.
  public func blockedEntry(_ task: TaskID) -> Blocked? {
    Self.value(blockedEntries, task) > 0 ? blocked.first { $0.task == task } : nil
  }

  private mutating func cpu(_ c: Int32) -> Int {
    let i = Int(c)
    while cpus.count <= i { cpus.append(CPU()) }
    return i
  }

  /// Takes `task` out of the run queue it is in, if any (a thread is in one at most).
  private mutating func leaveQueues(_ task: TaskID) {
    let c = Int(Self.value(runQueueOf, task)) - 1
    guard c >= 0 else { return }
    runQueueOf[task.index] = 0
    if c < cpus.count { cpus[c].runQueue.removeOnly { $0 == task } }
  }

  /// Takes `task`'s first entry out of the blocked list, if it has one.
  private mutating func unblock(_ task: TaskID) {
    guard Self.value(blockedEntries, task) > 0 else { return }
    blockedEntries[task.index] -= 1
    blocked.removeFirst { $0.task == task }
  }

  private static func value(_ values: [Int32], _ task: TaskID) -> Int32 {
    task.index >= 0 && task.index < values.count ? values[task.index] : 0
  }

  private static func set(_ values: inout [Int32], _ task: TaskID, _ value: Int32) {
    guard task.index >= 0 else { return }
    while values.count <= task.index { values.append(0) }
    values[task.index] = value
  }

  mutating func apply(_ payload: EventPayload) {
    switch payload {
    case .spawn:
      liveThreads += 1
      peakThreads = max(peakThreads, liveThreads)
    case .complete(let task), .taskDrop(let task):
      liveThreads -= 1
      for i in cpus.indices where cpus[i].current == task { cpus[i].current = nil }
      leaveQueues(task)
      unblock(task)
      pendingSleep[task] = nil
    case .timerSet(let task, let deadline, _):
      // Only once a thread has run or queued (a threads trace): under the
      // other models no block reads it, and an entry kept per task that
      // ever armed a timer was one more table copied at every checkpoint.
      if !cpus.isEmpty { pendingSleep[task] = deadline }
    case .threadReady(let task, let c):
      let i = cpu(c)
      unblock(task)
      leaveQueues(task)
      cpus[i].runQueue.append(task)
      Self.set(&runQueueOf, task, Int32(i + 1))
    case .threadRun(let task, let c):
      let i = cpu(c)
      leaveQueues(task)
      cpus[i].current = task
      contextSwitches += 1
    case .threadStop(let task, let c, let line, let awaiting):
      let i = cpu(c)
      if cpus[i].current == task { cpus[i].current = nil }
      switch awaiting {
      case .nothing: preemptions += 1
      case .yieldNow: break
      default:
        let until = awaiting == .sleep ? pendingSleep.removeValue(forKey: task) : nil
        blocked.append(Blocked(task: task, awaiting: awaiting, line: line, untilUs: until))
        Self.set(&blockedEntries, task, Self.value(blockedEntries, task) + 1)
      }
    default:
      break
    }
  }
}

extension KernelState {
  /// The bytes this state's arrays hold (a deque by its count).
  var storedBytes: Int {
    var bytes = blocked.count * MemoryLayout<Blocked>.stride + pendingSleep.capacity * 16
    bytes += (runQueueOf.capacity + blockedEntries.capacity) * MemoryLayout<Int32>.stride
    for cpu in cpus { bytes += MemoryLayout<CPU>.stride + cpu.runQueue.count * MemoryLayout<TaskID>.stride }
    return bytes
  }
}

extension KernelState.CPU: QueueUnit {
  static var queue: WritableKeyPath<Self, Deque<TaskID>> { \.runQueue }
}
