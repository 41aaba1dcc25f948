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

  /// The state before any event.
  public init() {}

  /// Resident memory of the threads alive now (stack pages and kernel stacks).
  public var residentBytes: Int64 { KernelCosts.residentBytes(threads: liveThreads) }
  /// Address space reserved for their stacks.
  public var reservedBytes: Int64 { KernelCosts.reservedBytes(threads: liveThreads) }

  /// The entry of blocked thread `task`, if it is blocked.
  public func blockedEntry(_ task: TaskID) -> Blocked? { blocked.first { $0.task == task } }

  private mutating func cpu(_ c: Int32) -> Int {
    let i = Int(c)
    while cpus.count <= i { cpus.append(CPU()) }
    return i
  }

  private mutating func leaveQueues(_ task: TaskID) {
    for i in cpus.indices { cpus[i].runQueue.removeFirst { $0 == task } }
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
      blocked.removeFirst { $0.task == task }
    case .timerSet(let task, let deadline, _):
      pendingSleep[task] = deadline
    case .threadReady(let task, let c):
      let i = cpu(c)
      blocked.removeFirst { $0.task == task }
      leaveQueues(task)
      cpus[i].runQueue.append(task)
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
      }
    default:
      break
    }
  }
}
