import DequeModule

/// What changed in a queue between two checkpoints of a history: the runs of
/// old entries that left it and the entries appended since. The schedulers'
/// queues (Go's global queue and netpoller list, a CPU's run queue, the
/// threads blocked in the kernel) are taken from the front and added to at
/// the back, now and then losing an entry from the middle, so this is about
/// what the events did, where a copy of the queue is the run's size.
///
/// Found by comparing: walking both queues, an old entry that is not the next
/// new one left; the new entries left over were appended. That holds for any
/// two queues (an entry put in the middle shows as the old ones after it
/// leaving and coming back), so a restore is exact whatever the reducer did;
/// only the size depends on the queue being a queue.
struct QueueChanges<Element: Equatable & Sendable>: Sendable {
  /// Positions in the old queue of the entries that left, as ascending runs.
  private var removed: [Range<Int32>] = []
  /// The entries that follow the old ones kept.
  private var appended: [Element] = []

  /// The changes that make `old` into `new`.
  init(from old: Deque<Element>, to new: Deque<Element>) {
    var i = 0
    var j = 0
    while i < old.count {
      if j < new.count && old[i] == new[j] {
        j += 1
      } else if let last = removed.last, last.upperBound == Int32(i) {
        removed[removed.count - 1] = last.lowerBound..<Int32(i + 1)
      } else {
        removed.append(Int32(i)..<Int32(i + 1))
      }
      i += 1
    }
    appended = Array(new[j...])
  }

  /// Makes `queue`, the old queue, into the new one.
  func apply(to queue: inout Deque<Element>) {
    // The last run first, so that the positions of the earlier ones hold.
    for run in removed.reversed() { queue.removeSubrange(Int(run.lowerBound)..<Int(run.upperBound)) }
    queue.append(contentsOf: appended)
  }

  /// The bytes the changes hold, by their arrays' capacities.
  var storedBytes: Int {
    removed.capacity * MemoryLayout<Range<Int32>>.stride + appended.capacity * MemoryLayout<Element>.stride
  }
}
