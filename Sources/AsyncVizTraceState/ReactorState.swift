import AsyncVizTrace
import DequeModule

/// The reactor as the reducer rebuilds it: the interest list, the timer
/// queue and the result of the last wait.
public struct ReactorState: Sendable, Equatable {
  /// One entry of the interest list.
  public struct Registration: Sendable, Equatable {
    /// The file descriptor.
    public var fd: Int32
    /// The readiness waited for.
    public var interest: Interest
    /// The task whose waker is (or was) stored for it.
    public var task: TaskID
    /// The resource the connection goes to (empty if unknown).
    public var resource: StringID
    /// The operation sent on it (empty if unknown).
    public var op: StringID
    /// Whether a waker is stored now (false between the wake and the re-arm).
    public var wakerStored: Bool
    /// Whether a wait has reported it ready (its answer arrived).
    public var answered = false
  }

  /// One armed timer. Every model keeps its timers in this one list: the
  /// reactor's timer queue (rust, threads), libuv's timer heap (node), Go's
  /// timers (go, all Ps' together); each fires them by deadline, equal
  /// deadlines in arming order.
  public struct Timer: Sendable, Equatable {
    /// When it is due.
    public var deadlineUs: Int64
    /// The task it wakes.
    public var task: TaskID
    /// Arming order over the whole run: notes list a task's timers in the
    /// order it armed them.
    public var armedOrder: UInt32
    /// The future it is for under node and go (nil under rust and threads,
    /// and in traces written before the word).
    public var purpose: TimerPurpose?
  }

  /// What the last wait (epoll_wait or its simulation) was asked and gave.
  public struct Wait: Sendable, Equatable {
    /// The step of the wait.
    public var step: UInt32
    /// The timeout passed; nil is infinite.
    public var timeoutUs: Int64?
    /// The fds reported ready, in the kernel's order.
    public var ready: [ReadyFd]
  }

  /// Registrations, ordered by fd (the order the panels list them in). In
  /// sorted blocks: a hundred thousand concurrent requests keep a hundred
  /// thousand fds here, and a sorted array moved its whole tail at each
  /// register and deregister.
  public internal(set) var interest = SortedBlocks<Registration>()
  /// Each registration's task and fd, ordered by task then fd: the reducer
  /// keeps it with `interest`, so a task's registrations are found without
  /// reading the whole interest list (which a note for every Pending poll of
  /// 100,000 waiting tasks did, quadratic in all).
  private var fdsByTask = SortedBlocks<TaskFd>()
  /// Armed timers, ordered by deadline, equal deadlines in arming order.
  /// A deque, because timers fire from the front: an array's remove(at: 0)
  /// moved every later timer, which made replaying 50,000 timers quadratic.
  public internal(set) var timers: Deque<Timer> = []
  /// The last wait, if any happened yet.
  public internal(set) var lastWait: Wait?
  /// Timers armed so far (the next one's `armedOrder`).
  private var timersArmed: UInt32 = 0

  /// An empty reactor.
  public init() {}

  /// The bytes the reactor's arrays hold, by their capacities (the timers'
  /// deque does not tell its capacity: by their count).
  var storedBytes: Int {
    interest.storedBytes + fdsByTask.storedBytes + timers.count * MemoryLayout<Timer>.stride
      + (lastWait?.ready.capacity ?? 0) * MemoryLayout<ReadyFd>.stride
  }

  /// The registration of `fd`, if it is in the interest list.
  public func registration(fd: Int32) -> Registration? {
    interest[key: fd]
  }

  /// Puts `entry` in the interest list, in place of any registration of its fd.
  mutating func register(_ entry: Registration) {
    if let old = interest.insert(entry) { fdsByTask.remove(key: TaskFd(task: old.task, fd: old.fd).sortKey) }
    fdsByTask.insert(TaskFd(task: entry.task, fd: entry.fd))
  }

  mutating func deregister(fd: Int32) {
    if let old = interest.remove(key: fd) { fdsByTask.remove(key: TaskFd(task: old.task, fd: fd).sortKey) }
  }

  mutating func setWakerStored(fd: Int32, _ stored: Bool) {
    interest.modify(key: fd) { $0.wakerStored = stored }
  }

  /// A wait reported `fd` ready: the answer of its request has arrived.
  mutating func markAnswered(fd: Int32) {
    interest.modify(key: fd) { $0.answered = true }
  }

  mutating func armTimer(task: TaskID, deadlineUs: Int64, purpose: TimerPurpose?) {
    let timer = Timer(deadlineUs: deadlineUs, task: task, armedOrder: timersArmed, purpose: purpose)
    timersArmed &+= 1
    // After every timer due at or before it, so equal deadlines keep their arming order.
    timers.insert(timer, at: firstTimer(dueAfter: deadlineUs))
  }

  /// The position of the first timer due after `deadlineUs` (binary search).
  private func firstTimer(dueAfter deadlineUs: Int64) -> Int {
    timers.partitionPoint { $0.deadlineUs <= deadlineUs }
  }

  /// Removes the earliest timer of `task` (the one that fired: the runtime
  /// fires timers in deadline order, equal deadlines in arming order);
  /// the timer, or nil when none was there.
  mutating func fireTimer(task: TaskID) -> Timer? {
    guard let i = timers.firstIndex(where: { $0.task == task }) else { return nil }
    return timers.remove(at: i)
  }

  /// Removes the timer of `task` due at `deadlineUs` (one that was
  /// cancelled); of several equal ones, the first armed (they are alike);
  /// whether one was there.
  @discardableResult
  mutating func cancelTimer(task: TaskID, deadlineUs: Int64) -> Bool {
    // From the first timer due at `deadlineUs` (binary search): those
    // before are due earlier, and scanning from the front read every one of
    // them at each cancel.
    var i = deadlineUs == .min ? 0 : firstTimer(dueAfter: deadlineUs - 1)
    while i < timers.count && timers[i].deadlineUs == deadlineUs {
      if timers[i].task == task {
        timers.remove(at: i)
        return true
      }
      i += 1
    }
    return false
  }

  /// The `count` timers of `task`, in arming order. Searched from the latest
  /// deadline down and stopped once all are found: a task's timers are
  /// usually its newest, at the back of a long queue.
  public func timers(of task: TaskID, count: Int) -> [Timer] {
    guard count > 0 else { return [] }
    var found: [Timer] = []
    var i = timers.count
    while i > 0 && found.count < count {
      i -= 1
      if timers[i].task == task { found.append(timers[i]) }
    }
    return found.count > 1 ? found.sorted { $0.armedOrder < $1.armedOrder } : found
  }

  /// The fds registered for `task`, in fd order.
  private func fds(of task: TaskID) -> some Sequence<Int32> {
    fdsByTask[fdsByTask.lowerBound(TaskFd(task: task, fd: .min).sortKey)...].lazy.prefix { $0.task == task }
      .map(\.fd)
  }

  /// The `count` registrations of `task`, in fd order, stopping once all are found.
  public func registrations(of task: TaskID, count: Int) -> [Registration] {
    guard count > 0 else { return [] }
    return fds(of: task).prefix(count).compactMap { interest[key: $0] }
  }

  /// Whether a registration of `task` has no waker stored (it awaits a re-arm).
  func unarmedFd(of task: TaskID) -> Int32? {
    fds(of: task).first { interest[key: $0]?.wakerStored == false }
  }
}

extension ReactorState.Registration: SortKeyed {
  /// Registrations are ordered and found by fd.
  public var sortKey: Int32 { fd }
}

/// A registration's task and fd, ordered by task then fd (`ReactorState.fdsByTask`).
struct TaskFd: SortKeyed {
  var task: TaskID
  var fd: Int32

  /// The task in the high half, the fd in the low half with its sign bit
  /// flipped (so negative fds, which a hand-written trace may hold, still
  /// order below positive ones, as in the interest list).
  var sortKey: UInt64 {
    UInt64(task.rawValue) << 32 | UInt64(UInt32(bitPattern: fd) ^ 0x8000_0000)
  }
}
