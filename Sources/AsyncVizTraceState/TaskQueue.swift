import AsyncVizTrace

/// The executor's run queue as the reducer rebuilds it: task ids, front first.
///
/// An array with a moving head, so that popping the front of a queue of a
/// thousand tasks does not shift the others; the dead prefix is dropped once
/// it outgrows the live part.
public struct TaskQueue: Sendable, Equatable {
  /// Ids; those from `head` on are queued.
  private var storage: [TaskID] = []
  /// Index of the front element in `storage`.
  private var head = 0

  /// An empty queue.
  public init() {}

  /// Number of queued tasks.
  public var count: Int { storage.count - head }

  /// Whether no task is queued.
  public var isEmpty: Bool { head == storage.count }

  /// The queued ids, front first.
  public var elements: ArraySlice<TaskID> { storage[head...] }

  /// Appends at the back.
  mutating func push(_ id: TaskID) { storage.append(id) }

  /// Removes the first occurrence of `id` (normally the front).
  mutating func remove(_ id: TaskID) {
    if head < storage.count && storage[head] == id {
      head += 1
    } else if let i = storage[head...].firstIndex(of: id) {
      storage.remove(at: i)
    }
    if head > 32 && head * 2 > storage.count {
      storage.removeFirst(head)
      head = 0
    }
  }

  /// The bytes the queue's array holds, by its capacity.
  var storedBytes: Int { storage.capacity * MemoryLayout<TaskID>.stride }

  /// What changed in the queue's entries between two checkpoints (a growing
  /// part of the state, `TraceState.growingParts`); a restore writes them with
  /// the dequeued head dropped.
  struct Changes: PartDiff {
    private let entries: QueueChanges<TaskID>

    init(from old: TaskQueue, to new: TaskQueue) {
      entries = QueueChanges(from: old.elements, to: new.elements)
    }

    func changesNothing(_ old: TaskQueue) -> Bool { entries.isEmpty }

    func apply(to queue: inout TaskQueue) {
      queue.storage.removeFirst(queue.head)
      queue.head = 0
      entries.apply(to: &queue.storage)
    }

    var storedBytes: Int { entries.storedBytes }
  }

  public static func == (a: TaskQueue, b: TaskQueue) -> Bool { a.elements.elementsEqual(b.elements) }
}
