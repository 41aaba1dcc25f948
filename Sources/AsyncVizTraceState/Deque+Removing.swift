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

extension Deque {
  /// Removes the one element that matches, if any, for a queue that holds at
  /// most one: searched from both ends at once, so one near either end is
  /// found in a few steps (what `remove(at:)` then moves is as short). The
  /// go model's local run queue of many-requests holds thousands of
  /// goroutines, and most leave it from about 130 places before its back: a
  /// search from the front cost a third of indexing a million-event go run.
  mutating func removeOnly(where match: (Element) -> Bool) {
    var front = startIndex
    var back = endIndex
    while front < back {
      if match(self[front]) {
        remove(at: front)
        return
      }
      back -= 1
      if front < back && match(self[back]) {
        remove(at: back)
        return
      }
      front += 1
    }
  }
}
