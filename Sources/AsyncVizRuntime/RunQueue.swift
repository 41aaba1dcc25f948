import AsyncVizTrace
import DequeModule

/// The executor's FIFO of ready tasks.
///
/// A thin wrapper over swift-collections' `Deque` that reports the position a
/// pushed task lands at (the trace's `schedule.position`). A hand-written ring
/// buffer saves about 10 instructions per push+pop pair (callgrind,
/// `asyncviz-bench queue`), too little of a resumption to justify it
/// (docs/decisions.md).
struct RunQueue {
  /// Ready tasks, front first; a task id appears at most once.
  private var storage: Deque<TaskID>

  /// An empty queue with room for `capacity` ids before it grows.
  init(capacity: Int = 64) { storage = Deque(minimumCapacity: capacity) }

  /// Appends at the back and returns the 1-based position.
  @inline(__always)
  mutating func push(_ id: TaskID) -> Int {
    storage.append(id)
    return storage.count
  }

  /// Removes the front element.
  @inline(__always)
  mutating func pop() -> TaskID? { storage.popFirst() }
}
