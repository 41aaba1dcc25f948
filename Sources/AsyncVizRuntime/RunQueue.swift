import AsyncVizTrace

/// The executor's FIFO of ready tasks: a `Ring` of task ids that reports the
/// position a pushed task lands at (the trace's `schedule.position`).
struct RunQueue: ~Copyable {
  /// Ready tasks, front first; a task id appears at most once.
  private var storage: Ring<TaskID>

  /// An empty queue with room for `capacity` ids before it grows.
  init(capacity: Int = 64) { storage = Ring(capacity: capacity) }

  /// Appends at the back and returns the 1-based position.
  @inline(__always)
  mutating func push(_ id: TaskID) -> Int {
    storage.append(id)
    return storage.count
  }

  /// Makes room for `total` ids in all.
  mutating func reserve(_ total: Int) { storage.reserve(total) }

  /// Ids queued.
  var count: Int { storage.count }

  /// Removes the front element.
  @inline(__always)
  mutating func pop() -> TaskID? { storage.popFirst() }
}
