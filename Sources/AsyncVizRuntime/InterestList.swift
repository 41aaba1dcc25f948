/// The reactor's interest list: fd -> registration, as a table indexed by
/// the fd. The kernel hands out the lowest free descriptor, so fds stay
/// small and dense, and a lookup is an index instead of hashing the fd
/// (a `Dictionary` cost about 600 instructions per ping-pong round trip in
/// hashing, and an allocation per in-place update of a registration).
///
/// The table is storage of its own, not an `Array`: every in-place update of
/// an array element checks that the buffer is uniquely referenced, and
/// `table[i]?.waker = w` went through the array's `modify` coroutine; the
/// waker is taken on every readiness and stored again on every re-arm, so
/// those cost about 350 instructions per round trip. Being noncopyable, the
/// list cannot be shared by mistake.
struct InterestList: ~Copyable {
  /// Registrations by fd; nil where no fd is registered. `capacity` of them
  /// are initialized (all nil beyond the highest fd registered so far).
  private var table: UnsafeMutablePointer<Reactor.Registration?>
  /// Entries allocated and initialized.
  private var capacity: Int
  /// Registered fds.
  private(set) var count = 0

  /// An empty list with room for fds below `capacity` before it grows.
  init(capacity: Int = 64) {
    table = .allocate(capacity: capacity)
    table.initialize(repeating: nil, count: capacity)
    self.capacity = capacity
  }

  deinit {
    table.deinitialize(count: capacity)
    table.deallocate()
  }

  /// True when no fd is registered.
  var isEmpty: Bool { count == 0 }

  /// The entry of `fd`, when the table covers it.
  @inline(__always)
  private func entry(_ fd: Int32) -> UnsafeMutablePointer<Reactor.Registration?>? {
    let i = Int(fd)
    return i >= 0 && i < capacity ? table + i : nil
  }

  /// The registration of `fd`, or nil.
  subscript(fd: Int32) -> Reactor.Registration? { entry(fd)?.pointee }

  /// Registers `fd` (replacing any registration it had).
  mutating func insert(_ registration: Reactor.Registration, fd: Int32) {
    precondition(fd >= 0, "a registration for a negative fd")
    if Int(fd) >= capacity { grow(toCover: Int(fd)) }
    let e = table + Int(fd)
    if e.pointee == nil { count += 1 }
    e.pointee = registration
  }

  /// Takes the stored waker of `fd`'s registration (nil if none, or none stored).
  @inline(__always)
  mutating func takeWaker(fd: Int32) -> Waker? {
    guard let e = entry(fd), e.pointee != nil else { return nil }
    return e.pointee?.waker.take()
  }

  /// Whether `fd` is registered and its waker was taken (woken): a future
  /// that found nothing to read must store a fresh one.
  @inline(__always)
  func lacksWaker(fd: Int32) -> Bool {
    guard let e = entry(fd), e.pointee != nil else { return false }
    return e.pointee?.waker == nil
  }

  /// Stores `waker` in `fd`'s registration (which must exist).
  @inline(__always)
  mutating func setWaker(_ waker: Waker, fd: Int32) {
    entry(fd)?.pointee?.waker = waker
  }

  /// Removes `fd`'s registration and returns it.
  mutating func removeValue(forKey fd: Int32) -> Reactor.Registration? {
    guard let e = entry(fd), let old = e.pointee else { return nil }
    e.pointee = nil
    count -= 1
    return old
  }

  /// Makes the table cover `fd`, at least doubling it.
  private mutating func grow(toCover fd: Int) {
    let bigger = max(capacity * 2, fd + 1)
    let moved = UnsafeMutablePointer<Reactor.Registration?>.allocate(capacity: bigger)
    moved.moveInitialize(from: table, count: capacity)
    (moved + capacity).initialize(repeating: nil, count: bigger - capacity)
    table.deallocate()
    table = moved
    capacity = bigger
  }
}
