import AsyncVizTrace
import HeapModule

/// Identifies one armed timer: its insertion number.
public struct TimerID: Hashable, Sendable {
  /// Insertion order, from 0; breaks ties between equal deadlines.
  public let rawValue: Int
}

/// The reactor's timers, ordered by (deadline, insertion order).
///
/// A binary heap; cancelled timers stay in the heap and are skipped when they
/// reach the top (lazy deletion), so cancel is O(1).
struct TimerQueue {
  /// One armed timer.
  struct Entry: Comparable {
    var deadlineUs: Int64
    var id: TimerID
    var waker: Waker

    static func < (a: Entry, b: Entry) -> Bool {
      (a.deadlineUs, a.id.rawValue) < (b.deadlineUs, b.id.rawValue)
    }
    static func == (a: Entry, b: Entry) -> Bool { a.id == b.id }
  }

  /// The lifecycle of a timer: `armed -> fired | cancelled`, both final.
  enum Status: UInt8 {
    case armed
    case fired
    case cancelled
  }

  /// Armed and cancelled-but-not-yet-skipped entries.
  private var heap = Heap<Entry>()
  /// Status of every timer ever armed, indexed by `TimerID.rawValue`.
  private var statuses: [Status] = []
  /// Deadline of every timer ever armed, indexed like `statuses`: a cancel
  /// reports it (the `timer_cancel` event) without searching the heap.
  private var deadlines: [Int64] = []
  /// Number of timers in state `armed`.
  private(set) var armedCount = 0

  mutating func arm(deadlineUs: Int64, waker: Waker) -> TimerID {
    let id = TimerID(rawValue: statuses.count)
    statuses.append(.armed)
    deadlines.append(deadlineUs)
    heap.insert(Entry(deadlineUs: deadlineUs, id: id, waker: waker))
    armedCount += 1
    return id
  }

  /// Cancels an armed timer; returns its deadline if it was armed (nil if
  /// it had already fired or been cancelled). The entry stays in the heap
  /// until it reaches the top (lazy deletion).
  mutating func cancel(_ id: TimerID) -> Int64? {
    guard statuses[id.rawValue] == .armed else { return nil }
    statuses[id.rawValue] = .cancelled
    armedCount -= 1
    return deadlines[id.rawValue]
  }

  func status(_ id: TimerID) -> Status { statuses[id.rawValue] }

  /// The earliest armed deadline.
  mutating func nextDeadline() -> Int64? {
    skipCancelled()
    return heap.min?.deadlineUs
  }

  /// Removes and returns the earliest armed timer if it is due at `nowUs`.
  mutating func popDue(nowUs: Int64) -> Entry? {
    skipCancelled()
    guard let top = heap.min, top.deadlineUs <= nowUs else { return nil }
    _ = heap.removeMin()
    statuses[top.id.rawValue] = .fired
    armedCount -= 1
    return top
  }

  private mutating func skipCancelled() {
    while let top = heap.min, statuses[top.id.rawValue] == .cancelled {
      _ = heap.removeMin()
    }
  }
}
