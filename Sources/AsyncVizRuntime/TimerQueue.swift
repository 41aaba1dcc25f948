import AsyncVizTrace
import HeapModule

/// Identifies one armed timer: its insertion number.
public struct TimerID: Hashable, Sendable {
  /// Insertion order, from 0; breaks ties between equal deadlines.
  public let rawValue: Int
}

/// The reactor's timers, fired in (deadline, insertion order) order.
///
/// A hierarchical timing wheel in the manner of tokio's time driver
/// (runtime/time/wheel): 6 levels of 64 slots, where a slot of level `l`
/// spans 64^l microseconds, so the wheel covers 64^6 µs (about 19 hours)
/// ahead of its base time `elapsed`. A timer goes to the level of the
/// highest base-64 digit in which its deadline differs from `elapsed`, and
/// to the slot of that digit. Arming is O(1); the earliest timers are found
/// through one bitmask per level, and a slot of a higher level is spread over
/// the lower levels only when it becomes the earliest one (each timer moves
/// at most 5 times). A binary heap did about 17 comparisons and swaps of
/// 32-byte entries per firing at 100,000 timers.
///
/// Unlike tokio's wheel (whole milliseconds, and woken at a slot's start),
/// this one is exact to the microsecond: the reactor's next timeout must be
/// the earliest deadline itself, because the trace records it and the sim's
/// clock jumps to it. So finding the earliest timer moves `elapsed` to the
/// start of its slot even when that is later than now; a timer armed later
/// with a deadline before `elapsed` goes to the small `early` heap, and one
/// beyond the wheel's reach to the `far` heap. Every timer in `early` is due
/// before `elapsed`, every one in the wheel at or after it and before every
/// one in `far`, so the three are drained in that order.
///
/// Cancelled timers stay where they are and are skipped when reached (lazy
/// deletion), so cancel is O(1). Noncopyable, with the wheel's slot heads in
/// storage of its own: an `Array` would check its uniqueness on every write.
struct TimerQueue: ~Copyable {
  /// A fired timer, as `popDue` hands it back.
  struct Entry {
    var deadlineUs: Int64
    var id: TimerID
    var waker: Waker
  }

  /// A timer in one of the two heaps, ordered by (deadline, insertion order).
  struct Keyed: Comparable {
    var deadlineUs: Int64
    var id: Int32

    static func < (a: Keyed, b: Keyed) -> Bool { (a.deadlineUs, a.id) < (b.deadlineUs, b.id) }
  }

  /// The lifecycle of a timer: `armed -> fired | cancelled`, both final.
  enum Status: UInt8 {
    case armed
    case fired
    case cancelled
  }

  /// Every timer ever armed, indexed by `TimerID.rawValue`: 24 bytes, its
  /// waker kept as its two fields and its status folded into them (a
  /// `Waker?` and a status byte beside the link made it 32 bytes; 100,000
  /// timers then touched about 200 more pages, each a page fault).
  struct Node {
    /// Reported by a cancel (the `timer_cancel` event) without a search.
    var deadlineUs: Int64
    /// The waker's combinator route; nil once fired or cancelled, so that
    /// the route is released.
    var route: WakeRoute?
    /// The waker's task while armed; `TaskID(0)` (which names no task) once
    /// fired or cancelled.
    var task: TaskID
    /// The next timer in the same slot (`none` ends the list): a slot is a
    /// singly linked list threaded through the nodes, so placing a timer
    /// allocates nothing. `fired` once fired: a firing timer has left
    /// every list, while a cancelled one may still be in a slot's list.
    var next: Int32

    init(deadlineUs: Int64, waker: Waker) {
      self.deadlineUs = deadlineUs
      route = waker.route
      task = waker.task
      next = TimerQueue.none
    }

    /// Where the timer is in its life, read from the fields above.
    var status: Status {
      if task.rawValue != 0 { return .armed }
      return next == TimerQueue.fired ? .fired : .cancelled
    }

    /// `armed -> cancelled`: drops the waker; the link stays.
    mutating func cancel() {
      task = TaskID(0)
      route = nil
    }

    /// `armed -> fired`: hands over the waker.
    mutating func fire() -> Waker {
      let waker = Waker(task: task, route: route.take())
      task = TaskID(0)
      next = TimerQueue.fired
      return waker
    }
  }

  /// Bits of a deadline per level: 64 slots.
  static let slotBits = 6
  /// Levels of the wheel.
  static let levels = 6
  /// Slots in all.
  static let slotCount = levels << slotBits
  /// "No timer" in `heads` and `Node.next`.
  static let none: Int32 = -1
  /// `Node.next` of a fired timer.
  static let fired: Int32 = -2

  /// Every timer ever armed, in storage the queue owns (the task table's
  /// kind): as an `Array`, each of the several node updates per timer
  /// checked the buffer's uniqueness (a runtime call), and nothing shares it.
  var nodes = TaskTable<Node>()
  /// The first timer of each slot, level by level (`slotCount` of them).
  let heads: UnsafeMutablePointer<Int32>
  /// One bit per non-empty slot, one word per level (`levels` of them).
  let occupied: UnsafeMutablePointer<UInt64>
  /// The wheel's base time: every timer in the wheel is due at or after it.
  var elapsed: Int64 = 0
  /// The timers due exactly at `elapsed` that were taken out of their slot,
  /// by insertion order, the earliest last (popped from the end).
  var due: [Int32] = []
  /// Timers armed with a deadline before `elapsed`.
  var early = Heap<Keyed>()
  /// Timers too far ahead for the wheel.
  var far = Heap<Keyed>()
  /// Number of timers in state `armed`.
  private(set) var armedCount = 0

  init() {
    heads = .allocate(capacity: Self.slotCount)
    heads.initialize(repeating: Self.none, count: Self.slotCount)
    occupied = .allocate(capacity: Self.levels)
    occupied.initialize(repeating: 0, count: Self.levels)
  }

  deinit {
    heads.deallocate()
    occupied.deallocate()
  }

  mutating func arm(deadlineUs: Int64, waker: Waker) -> TimerID {
    let id = nodes.count
    precondition(waker.task.rawValue != 0, "a timer's waker names a task")
    nodes.append(Node(deadlineUs: deadlineUs, waker: waker))
    place(Int32(id))
    armedCount += 1
    return TimerID(rawValue: id)
  }

  /// Cancels an armed timer; returns its deadline if it was armed (nil if
  /// it had already fired or been cancelled).
  mutating func cancel(_ id: TimerID) -> Int64? {
    guard nodes[id.rawValue].status == .armed else { return nil }
    nodes[id.rawValue].cancel()
    armedCount -= 1
    return nodes[id.rawValue].deadlineUs
  }

  func status(_ id: TimerID) -> Status { nodes[id.rawValue].status }

  /// Whether the timer has fired (a sleep's second poll asks): one compare,
  /// as only a fired node has `next == fired`.
  func hasFired(_ id: TimerID) -> Bool { nodes[id.rawValue].next == Self.fired }

  /// The earliest armed deadline.
  mutating func nextDeadline() -> Int64? {
    // Cancelled timers left behind wait for the next timer's search.
    guard armedCount > 0 else { return nil }
    skipCancelledEarly()
    if let top = early.min { return top.deadlineUs }
    settle()
    return due.isEmpty ? nil : elapsed
  }

  /// Removes and returns the earliest armed timer if it is due at `nowUs`.
  mutating func popDue(nowUs: Int64) -> Entry? {
    guard armedCount > 0 else { return nil }
    skipCancelledEarly()
    if let top = early.min {
      guard top.deadlineUs <= nowUs else { return nil }
      _ = early.removeMin()
      return fire(top.id)
    }
    settle()
    guard let id = due.last, elapsed <= nowUs else { return nil }
    due.removeLast()
    return fire(id)
  }

  private mutating func fire(_ id: Int32) -> Entry {
    let i = Int(id)
    // Only armed timers reach here (cancelled ones are skipped on the way).
    armedCount -= 1
    let waker = nodes[i].fire()
    return Entry(deadlineUs: nodes[i].deadlineUs, id: TimerID(rawValue: i), waker: waker)
  }

  private mutating func skipCancelledEarly() {
    while let top = early.min, nodes[Int(top.id)].status == .cancelled {
      _ = early.removeMin()
    }
  }
}
