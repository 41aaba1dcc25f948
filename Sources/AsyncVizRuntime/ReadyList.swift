import AsyncVizTrace

/// The ready list of one reactor turn: the fds the backend's wait reported,
/// in the kernel's order. The reactor owns one and hands it to every wait,
/// which empties and refills it.
///
/// Not an `Array` returned by the wait: returning the array retained and
/// released its buffer each turn, and emptying and appending checked its
/// uniqueness each time (about 90 instructions a turn on the epoll path,
/// where the list is mostly one fd long). Noncopyable storage of its own
/// needs neither.
public struct ReadyList: ~Copyable {
  /// The entries; `count` of them are initialized.
  @usableFromInline var base: UnsafeMutablePointer<ReadyFd>
  /// Entries allocated.
  @usableFromInline var capacity: Int
  /// Entries in the list.
  @usableFromInline var filled = 0

  /// Entries in the list.
  public var count: Int { filled }

  /// An empty list with room for `capacity` fds before it grows.
  public init(capacity: Int = 64) {
    base = .allocate(capacity: max(1, capacity))
    self.capacity = max(1, capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  /// Empties the list, keeping its storage.
  @inlinable
  public mutating func removeAll() {
    base.deinitialize(count: filled)
    filled = 0
  }

  /// Adds `ready` at the end.
  @inlinable
  public mutating func append(_ ready: ReadyFd) {
    if filled == capacity { grow() }
    (base + filled).initialize(to: ready)
    filled += 1
  }

  /// The entry at `index` (bounds checked).
  public subscript(index: Int) -> ReadyFd {
    precondition(index >= 0 && index < count, "no such ready fd")
    return base[index]
  }

  /// The list as an array (tests, and backends that build one).
  public var elements: [ReadyFd] { Array(UnsafeBufferPointer(start: base, count: count)) }

  @usableFromInline
  mutating func grow() {
    let bigger = UnsafeMutablePointer<ReadyFd>.allocate(capacity: capacity * 2)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity *= 2
  }
}
