/// A first-in first-out ring of values in storage it owns: the run queue's
/// and the defer list's storage.
///
/// Not a `Deque` or an `Array`: each of their in-place updates checks that the
/// buffer is uniquely referenced (a call into the Swift runtime), and each
/// resumption pushes and pops both lists once (callgrind: about 20
/// instructions per resumption). The ring is never shared, so the check is
/// pure cost; being noncopyable, it cannot be shared by mistake either.
struct Ring<Element>: ~Copyable {
  /// Slots; `count` of them, from `head` on (wrapping), are initialized.
  private var base: UnsafeMutablePointer<Element>
  /// Slots allocated: a power of two, so that wrapping is a mask.
  private var capacity: Int
  /// Index of the front element.
  private var head = 0
  /// Elements held.
  private(set) var count = 0

  /// An empty ring with room for at least `capacity` elements before it grows.
  init(capacity: Int = 64) {
    var size = 16
    while size < capacity { size <<= 1 }
    base = .allocate(capacity: size)
    self.capacity = size
  }

  deinit {
    let front = min(count, capacity - head)
    (base + head).deinitialize(count: front)
    base.deinitialize(count: count - front)
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  /// Appends at the back.
  @inline(__always)
  mutating func append(_ element: Element) {
    if count == capacity { grow() }
    // Wrapping arithmetic: head and count stay below capacity, which is far
    // from overflowing, so the overflow checks would be pure cost.
    (base + ((head &+ count) & (capacity &- 1))).initialize(to: element)
    count &+= 1
  }

  /// Removes and returns the front element.
  @inline(__always)
  mutating func popFirst() -> Element? {
    guard count > 0 else { return nil }
    let element = (base + head).move()
    head = (head &+ 1) & (capacity &- 1)
    count &-= 1
    return element
  }

  /// Removes every element.
  mutating func removeAll() {
    while count > 0 { _ = popFirst() }
  }

  /// The elements front first, for reading (not a hot path).
  var elements: [Element] { (0..<count).map { base[(head + $0) & (capacity - 1)] } }

  /// Makes room for `total` elements in all, so that a run of known size
  /// (100,000 tasks spawned at once) moves the ring once, not about twelve
  /// times by doubling.
  mutating func reserve(_ total: Int) {
    var size = capacity
    while size < total { size <<= 1 }
    if size > capacity { grow(to: size) }
  }

  /// Doubles the storage, moving the elements to its front.
  private mutating func grow() { grow(to: capacity * 2) }

  /// Moves the elements to the front of new storage of `size` slots (a
  /// power of two, at least `capacity`).
  private mutating func grow(to size: Int) {
    let bigger = UnsafeMutablePointer<Element>.allocate(capacity: size)
    let front = min(count, capacity - head)
    bigger.moveInitialize(from: base + head, count: front)
    (bigger + front).moveInitialize(from: base, count: count - front)
    base.deallocate()
    base = bigger
    head = 0
    capacity = size
  }
}
