import AsyncVizTrace

/// A power-of-two ring buffer of task ids: the alternative to `Deque` that
/// `asyncviz-bench queue` measures (the runtime now uses its own noncopyable
/// `Ring`, which has no uniqueness checks either; see docs/decisions.md).
struct RingBuffer {
  /// Slots; `count` of them starting at `head` (wrapping) are live.
  private var storage: [TaskID]
  /// Index of the front element.
  private var head = 0
  /// Number of live elements; never more than `storage.count`.
  private var count = 0

  init(capacity: Int) {
    var size = 16
    while size < capacity { size <<= 1 }
    storage = Array(repeating: TaskID(0), count: size)
  }

  mutating func push(_ id: TaskID) {
    if count == storage.count { grow() }
    storage[(head + count) & (storage.count - 1)] = id
    count += 1
  }

  mutating func pop() -> TaskID? {
    guard count > 0 else { return nil }
    let id = storage[head]
    head = (head + 1) & (storage.count - 1)
    count -= 1
    return id
  }

  private mutating func grow() {
    let old = (0..<count).map { storage[(head + $0) & (storage.count - 1)] }
    storage = Array(repeating: TaskID(0), count: storage.count * 2)
    for (i, id) in old.enumerated() { storage[i] = id }
    head = 0
  }
}
