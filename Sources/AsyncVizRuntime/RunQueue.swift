import AsyncVizTrace

/// The executor's FIFO of ready tasks: a power-of-two ring buffer of ids.
///
/// Measured against `Deque` in `asyncviz-bench` (see docs/decisions.md): the
/// ring does a push+pop pair with fewer instructions, and this queue is on the
/// hot path of every resumption.
public struct RunQueue {
  /// Slots; `count` of them starting at `head` (wrapping) are live.
  private var storage: [TaskID]
  /// Index of the front element.
  private var head = 0
  /// Number of live elements; never more than `storage.count`.
  public private(set) var count = 0

  /// An empty queue with room for `capacity` ids before it grows.
  public init(capacity: Int = 64) {
    var size = 16
    while size < capacity { size <<= 1 }
    storage = Array(repeating: TaskID(0), count: size)
  }

  /// Whether no task is queued.
  public var isEmpty: Bool { count == 0 }

  /// Appends at the back and returns the 1-based position.
  @inline(__always)
  public mutating func push(_ id: TaskID) -> Int {
    if count == storage.count { grow() }
    storage[(head + count) & (storage.count - 1)] = id
    count += 1
    return count
  }

  /// Removes the front element.
  @inline(__always)
  public mutating func pop() -> TaskID? {
    guard count > 0 else { return nil }
    let id = storage[head]
    head = (head + 1) & (storage.count - 1)
    count -= 1
    return id
  }

  /// The queued ids, front first.
  public var elements: [TaskID] {
    (0..<count).map { storage[(head + $0) & (storage.count - 1)] }
  }

  private mutating func grow() {
    let old = elements
    storage = Array(repeating: TaskID(0), count: storage.count * 2)
    for (i, id) in old.enumerated() { storage[i] = id }
    head = 0
  }
}
