/// The reactor's interest list: fd -> registration, as a table indexed by
/// the fd. The kernel hands out the lowest free descriptor, so fds stay
/// small and dense, and a lookup is an index instead of hashing the fd
/// (a `Dictionary` cost about 600 instructions per ping-pong round trip in
/// hashing, and an allocation per in-place update of a registration).
struct InterestList {
  /// Registrations by fd; nil where no fd is registered.
  private var table: [Reactor.Registration?] = []
  /// Registered fds.
  private(set) var count = 0

  /// True when no fd is registered.
  var isEmpty: Bool { count == 0 }

  /// The registration of `fd`, or nil; setting nil removes it.
  subscript(fd: Int32) -> Reactor.Registration? {
    get {
      let i = Int(fd)
      return i >= 0 && i < table.count ? table[i] : nil
    }
    set {
      let i = Int(fd)
      precondition(i >= 0, "a registration for a negative fd")
      if i >= table.count {
        guard newValue != nil else { return }
        table.append(contentsOf: repeatElement(nil, count: i + 1 - table.count))
      }
      count += (newValue == nil ? 0 : 1) - (table[i] == nil ? 0 : 1)
      table[i] = newValue
    }
  }

  /// Takes the stored waker of `fd`'s registration (nil if none, or none stored).
  mutating func takeWaker(fd: Int32) -> Waker? {
    let i = Int(fd)
    guard i >= 0 && i < table.count else { return nil }
    return table[i]?.waker.take()
  }

  /// Whether `fd` is registered and its waker was taken (woken): a future
  /// that found nothing to read must store a fresh one.
  func lacksWaker(fd: Int32) -> Bool {
    let i = Int(fd)
    guard i >= 0 && i < table.count, let registration = table[i] else { return false }
    return registration.waker == nil
  }

  /// Stores `waker` in `fd`'s registration (which must exist).
  mutating func setWaker(_ waker: Waker, fd: Int32) {
    table[Int(fd)]?.waker = waker
  }

  /// Removes `fd`'s registration and returns it.
  mutating func removeValue(forKey fd: Int32) -> Reactor.Registration? {
    let old = self[fd]
    if old != nil { self[fd] = nil }
    return old
  }
}
