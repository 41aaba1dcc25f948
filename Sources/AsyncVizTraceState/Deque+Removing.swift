import DequeModule

extension Deque {
  /// Removes the first element that matches, if any. The schedulers' queues
  /// are taken from the head (Go's runqget and globrunqget, a CPU's run
  /// queue, threads unblocking in the order they blocked), so the head is
  /// checked first and costs nothing to remove; an array's search and shift
  /// per event made replaying 60,000 goroutines or threads quadratic (13 s
  /// and 35 s to index a million-event run). Each queue holds a task at most
  /// once, so the first match is the only one.
  mutating func removeFirst(where match: (Element) -> Bool) {
    if let head = first, match(head) {
      removeFirst()
    } else if let i = firstIndex(where: match) {
      remove(at: i)
    }
  }
}
