/// The task table: one `Slot` per task (its `TaskSlot`, or its
/// `LintCounters`), indexed by `TaskID.index`, in storage the table owns
/// (freed when the runtime's core is). The timer queue keeps its nodes in one
/// too, for the same reason.
///
/// Not an `Array`: every in-place update of an array element checks that the
/// buffer is uniquely referenced (a call into the Swift runtime), and the hot
/// path updates a slot six to eight times per resumption (callgrind: about
/// 60 instructions of it). The table is never shared, so the check is pure
/// cost; being noncopyable, it cannot be shared by mistake either.
struct TaskTable<Slot>: ~Copyable {
  /// The slots; `count` of them are initialized.
  private var base: UnsafeMutablePointer<Slot>
  /// Slots in use.
  private(set) var count = 0
  /// Slots allocated.
  private var capacity: Int

  /// An empty table with room for `capacity` tasks before it grows.
  init(capacity: Int = 64) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  /// Adds a slot at index `count`. The slot is consumed, so it is moved in:
  /// copying a timer node (its optional waker) went through `Optional`'s
  /// generic copy, about 125 instructions.
  mutating func append(_ slot: consuming Slot) {
    if count == capacity { reserve(capacity * 2) }
    (base + count).initialize(to: consume slot)
    count += 1
  }

  /// Makes room for `total` slots in all (a spawn of known count grows the
  /// table once instead of doubling it about seventeen times to 100,000).
  mutating func reserve(_ total: Int) {
    guard total > capacity else { return }
    let bigger = UnsafeMutablePointer<Slot>.allocate(capacity: total)
    bigger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = total
  }

  /// The slot at `index`, read or updated in place (bounds checked, as an
  /// array's would be).
  subscript(index: Int) -> Slot {
    unsafeAddress {
      precondition(index >= 0 && index < count, "no such task")
      return UnsafePointer(base + index)
    }
    nonmutating unsafeMutableAddress {
      precondition(index >= 0 && index < count, "no such task")
      return base + index
    }
  }

  /// The slot at `index` in place, bounds checked once: the hot path reads
  /// and updates a slot several times per poll through it. Valid until the
  /// next `append` (a spawn), which may move the slots.
  @inline(__always)
  func pointer(_ index: Int) -> UnsafeMutablePointer<Slot> {
    precondition(index >= 0 && index < count, "no such task")
    return base + index
  }

  /// Every index, oldest task first.
  var indices: Range<Int> { 0..<count }
}
