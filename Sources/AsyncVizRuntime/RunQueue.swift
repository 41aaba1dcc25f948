import AsyncVizTrace
import DequeModule

/// The executor's FIFO of ready tasks.
///
/// A thin wrapper over swift-collections' `Deque` that reports the position a
/// pushed task lands at (the trace's `schedule.position`). A hand-written ring
/// buffer was measured against it with callgrind (`asyncviz-bench queue`):
/// about 70 instructions per push+pop pair for the ring, called across the
/// module boundary, against about 59 for the inlined Deque, so Deque it is
/// (docs/decisions.md).
public struct RunQueue {
  /// Ready tasks, front first; a task id appears at most once.
  private var storage: Deque<TaskID>

  /// An empty queue with room for `capacity` ids before it grows.
  public init(capacity: Int = 64) { storage = Deque(minimumCapacity: capacity) }

  /// Whether no task is queued.
  @inlinable public var isEmpty: Bool { count == 0 }

  /// Number of queued tasks.
  public var count: Int { storage.count }

  /// Appends at the back and returns the 1-based position.
  @inline(__always)
  public mutating func push(_ id: TaskID) -> Int {
    storage.append(id)
    return storage.count
  }

  /// Removes the front element.
  @inline(__always)
  public mutating func pop() -> TaskID? { storage.popFirst() }

  /// The queued ids, front first.
  public var elements: [TaskID] { Array(storage) }
}
