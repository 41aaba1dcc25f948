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
struct QueueChanges<Element: Equatable & Sendable>: PartDiff {
  /// Positions in the old queue of the entries that left, as ascending runs.
  private var removed: [Range<Int32>] = []
  /// The entries that follow the old ones kept.
  private var appended: [Element] = []

  /// The changes that make `old` into `new` (a deque, or the rust run
  /// queue's entries).
  init<Old: RandomAccessCollection<Element>, New: RandomAccessCollection<Element>>(from old: Old, to new: New)
  {
    var i = old.startIndex
    var j = new.startIndex
    var position: Int32 = 0
    while i != old.endIndex {
      if j != new.endIndex && old[i] == new[j] {
        j = new.index(after: j)
      } else if let last = removed.last, last.upperBound == position {
        removed[removed.count - 1] = last.lowerBound..<(position + 1)
      } else {
        removed.append(position..<(position + 1))
      }
      i = old.index(after: i)
      position += 1
    }
    appended = Array(new[j...])
  }

  /// Makes `queue`, the old queue (its first entry at index 0), into the new one.
  func apply<Queue: RangeReplaceableCollection<Element>>(to queue: inout Queue) where Queue.Index == Int {
    // The last run first, so that the positions of the earlier ones hold.
    for run in removed.reversed() { queue.removeSubrange(Int(run.lowerBound)..<Int(run.upperBound)) }
    queue.append(contentsOf: appended)
  }

  /// Whether no entry left the queue and none came.
  var isEmpty: Bool { removed.isEmpty && appended.isEmpty }

  /// As a part of a state, kept in a deque (`GrowingPart.queue`).
  func changesNothing(_ old: Deque<Element>) -> Bool { isEmpty }

  /// The bytes the changes hold, by their arrays' capacities.
  var storedBytes: Int {
    removed.capacity * MemoryLayout<Range<Int32>>.stride + appended.capacity * MemoryLayout<Element>.stride
  }
}
