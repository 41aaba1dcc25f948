import AsyncVizTrace
import HeapModule

/// The armed `setTimeout`s, earliest first; timers due at the same moment
/// run in the order they were armed (a heap by deadline, then by id, as
/// libuv's timer heap compares `timeout` then `start_id` in timer_less_than,
/// src/timer.c).
struct TimerHeap {
  /// One armed timer; the callback is kept beside the heap, by id.
  struct Entry: Comparable {
    var deadlineUs: Int64
    var id: UInt64
    static func < (a: Entry, b: Entry) -> Bool { (a.deadlineUs, a.id) < (b.deadlineUs, b.id) }
  }

  private var heap = Heap<Entry>()
  private var callbacks: [UInt64: Macrotask] = [:]
  private var nextID: UInt64 = 0

  /// Whether no timer is armed.
  var isEmpty: Bool { heap.isEmpty }

  /// The earliest deadline.
  var nextDeadline: Int64? { heap.min?.deadlineUs }

  /// Arms `callback` for `deadlineUs`.
  mutating func arm(deadlineUs: Int64, _ callback: Macrotask) {
    nextID += 1
    heap.insert(Entry(deadlineUs: deadlineUs, id: nextID))
    callbacks[nextID] = callback
  }

  /// The earliest timer if it is due by `dueBy`, taken out of the heap.
  mutating func popDue(by dueBy: Int64) -> Macrotask? {
    guard let first = heap.min, first.deadlineUs <= dueBy else { return nil }
    heap.removeMin()
    return callbacks.removeValue(forKey: first.id)
  }
}
