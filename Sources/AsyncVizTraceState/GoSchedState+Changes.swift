import AsyncVizTrace
import DequeModule

extension GoSchedState {
  /// What a history's checkpoint keeps of the parts that grow with the run
  /// (the per-goroutine arrays, the run queues and the netpoller's list: the
  /// model's local queues are not bounded at Go's 256):
  /// what changed since the previous checkpoint (`TraceHistory`).
  struct Changes: Sendable {
    var statuses: ArrayChanges<GStatus>
    var queuedIn: ArrayChanges<Int32>
    var inNetpoller: ArrayChanges<Bool>
    var global: QueueChanges<TaskID>
    var netpoller: QueueChanges<TaskID>
    /// Each P's local queue.
    var locals: UnitQueueChanges<Proc>

    var storedBytes: Int {
      statuses.storedBytes + queuedIn.storedBytes + inNetpoller.storedBytes + global.storedBytes
        + netpoller.storedBytes + locals.storedBytes
    }
  }

  /// The changes that make `old`'s growing parts into this state's.
  func changes(since old: GoSchedState) -> Changes {
    Changes(
      statuses: ArrayChanges(from: old.statuses, to: statuses),
      queuedIn: ArrayChanges(from: old.queuedIn, to: queuedIn),
      inNetpoller: ArrayChanges(from: old.inNetpoller, to: inNetpoller),
      global: QueueChanges(from: old.global, to: global),
      netpoller: QueueChanges(from: old.netpoller, to: netpoller),
      locals: UnitQueueChanges(from: old.procs, to: procs))
  }

  /// Brings the growing parts up to the state `changes` were taken from.
  mutating func apply(_ changes: Changes) {
    changes.statuses.apply(to: &statuses)
    changes.queuedIn.apply(to: &queuedIn)
    changes.inNetpoller.apply(to: &inNetpoller)
    changes.global.apply(to: &global)
    changes.netpoller.apply(to: &netpoller)
    changes.locals.apply(to: &procs)
  }

  /// Empties the growing parts (a checkpoint keeps the rest whole): those
  /// of the state before any event.
  mutating func dropGrowing() { takeGrowing(from: GoSchedState()) }

  /// Takes the growing parts of `other` (a P it has not named gets an empty queue).
  mutating func takeGrowing(from other: GoSchedState) {
    statuses = other.statuses
    queuedIn = other.queuedIn
    inNetpoller = other.inNetpoller
    global = other.global
    netpoller = other.netpoller
    procs.takeQueues(from: other.procs)
  }

  /// The bytes this state's arrays hold (a deque by its count).
  var storedBytes: Int {
    var bytes =
      statuses.capacity * MemoryLayout<GStatus>.stride + queuedIn.capacity * 4 + inNetpoller.capacity
    bytes += (global.count + netpoller.count) * MemoryLayout<TaskID>.stride
    for proc in procs { bytes += MemoryLayout<Proc>.stride + proc.local.count * MemoryLayout<TaskID>.stride }
    return bytes + ms.capacity * MemoryLayout<MDoing>.stride
  }
}

extension GoSchedState.Proc: QueueUnit {
  static var queue: WritableKeyPath<Self, Deque<TaskID>> { \.local }
}
