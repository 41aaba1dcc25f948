import DequeModule

/// A unit of a scheduler with a run queue of its own: Go's P (its local run
/// queue), a CPU of the kernel (its run queue). A state keeps its units in an
/// array that grows as a trace names them; a history's checkpoint keeps what
/// changed in each unit's queue (`UnitQueueChanges`), as for the other queues.
protocol QueueUnit: Sendable {
  associatedtype Queued: Equatable & Sendable
  /// The unit's run queue.
  static var queue: WritableKeyPath<Self, Deque<Queued>> { get }
  /// A unit the trace has not named before.
  init()
}

/// What changed in the queue of each unit of a list (`QueueUnit`) between two
/// checkpoints of a history: one `QueueChanges` a unit, those of the units
/// new since the older checkpoint holding their whole queues.
struct UnitQueueChanges<Unit: QueueUnit>: PartDiff {
  /// By unit.
  private var queues: [QueueChanges<Unit.Queued>]

  /// The changes that make the queues of `old` into those of `new` (the same
  /// units, and the ones named since).
  init(from old: [Unit], to new: [Unit]) {
    queues = new.indices.map {
      QueueChanges(from: $0 < old.count ? old[$0][keyPath: Unit.queue] : [], to: new[$0][keyPath: Unit.queue])
    }
  }

  /// Makes the queues of `units`, the old list, into the new ones, adding
  /// the units named since.
  func apply(to units: inout [Unit]) {
    for (i, queue) in queues.enumerated() {
      if i == units.count { units.append(Unit()) }
      queue.apply(to: &units[i][keyPath: Unit.queue])
    }
  }

  /// Whether no unit's queue changed and no unit was named.
  func changesNothing(_ old: [Unit]) -> Bool { queues.count == old.count && queues.allSatisfy(\.isEmpty) }

  /// The bytes the changes hold, by their arrays' capacities.
  var storedBytes: Int {
    queues.reduce(queues.capacity * MemoryLayout<QueueChanges<Unit.Queued>>.stride) { $0 + $1.storedBytes }
  }
}

extension Array where Element: QueueUnit {
  /// Gives each unit the queue of `other`'s unit at its index, or an empty
  /// one where `other` has no such unit.
  mutating func takeQueues(from other: [Element]) {
    for i in indices {
      self[i][keyPath: Element.queue] = i < other.count ? other[i][keyPath: Element.queue] : []
    }
  }
}
