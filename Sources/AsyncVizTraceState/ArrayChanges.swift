/// What changed in an array between two checkpoints of a history: the
/// positions whose element differs (new ones included) and those elements,
/// found by comparing, so nothing in the reducer has to report what it
/// touched. A checkpoint keeps these instead of the array when the array
/// grows with the run (one entry per task, goroutine or thread): a whole
/// copy per checkpoint costs the run's size, these cost what the events did.
struct ArrayChanges<Element: Equatable & Sendable>: PartDiff {
  /// The positions that differ, ascending; those at or past the old count are
  /// every new position.
  private var positions: [Int32] = []
  /// `positions`' elements.
  private var elements: [Element] = []
  /// The new count.
  private(set) var count: Int

  /// The changes that make `old` into `new`.
  init(from old: [Element], to new: [Element]) {
    count = new.count
    // The same storage (nothing written since): nothing changed.
    if old.count == new.count
      && old.withUnsafeBufferPointer({ a in new.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } })
    {
      return
    }
    for i in new.indices where i >= old.count || old[i] != new[i] {
      positions.append(Int32(i))
      elements.append(new[i])
    }
  }

  /// Makes `array`, the old array, into the new one.
  func apply(to array: inout [Element]) {
    if array.count > count { array.removeLast(array.count - count) }
    // The positions are ascending, the new ones last: the old ones are
    // written through one buffer (a restore writes tens of thousands, and
    // the array's own subscript checks uniqueness at each), the new appended.
    let old = array.count
    var k = 0
    array.withUnsafeMutableBufferPointer { buffer in
      while k < positions.count, Int(positions[k]) < old {
        buffer[Int(positions[k])] = elements[k]
        k += 1
      }
    }
    if k < elements.count { array.append(contentsOf: elements[k...]) }
  }

  /// How many positions changed (new ones included).
  var changedCount: Int { positions.count }

  /// Whether no position of `old` changed and none came or went.
  func changesNothing(_ old: [Element]) -> Bool { positions.isEmpty && count == old.count }

  /// The bytes the changes hold, by their arrays' capacities.
  var storedBytes: Int {
    positions.capacity * MemoryLayout<Int32>.stride + elements.capacity * MemoryLayout<Element>.stride
  }
}
