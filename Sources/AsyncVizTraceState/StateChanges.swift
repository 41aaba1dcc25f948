import AsyncVizTrace

/// What a history's checkpoint keeps of the parts of a state that grow with
/// the run: what changed since the previous checkpoint. Those parts are the
/// task table and the models' growing parts (`TraceState.growingParts`):
/// with 60,000 goroutines or 125,000 threads waiting, a whole copy of them
/// per checkpoint was most of the history's memory (`TraceHistory`).
struct StateChanges: Sendable {
  /// Apart from the other parts: the history counts the tasks changed to
  /// decide when a checkpoint is whole.
  var tasks: ArrayChanges<TaskInfo>
  /// The other parts that changed, in `growingParts`' order.
  var parts: [PartChanges<TraceState>]

  var storedBytes: Int {
    parts.reduce(tasks.storedBytes + parts.capacity * MemoryLayout<PartChanges<TraceState>>.stride) {
      $0 + $1.storedBytes
    }
  }
}

extension TraceState {
  /// The parts besides the tasks that grow with the run, every model's: a
  /// new model's state adds its growing arrays and queues here, and the
  /// history keeps, restores and drops them with no code of its own.
  static let growingParts: [GrowingPart<TraceState>] = [
    // The armed timers, and the rust run queue (20,000 tasks yielding keep it
    // 20,000 long, 80 KB a checkpoint when kept whole: 41 MB of a 2.1
    // M-event history).
    .queue(\.reactor.timers), .kept(\.runQueue, by: TaskQueue.Changes.self),
    // Go's per-goroutine arrays, its run queues and the netpoller's list (the
    // model's local queues are not bounded at Go's 256).
    .array(\.go.statuses), .array(\.go.queuedIn), .array(\.go.inNetpoller), .queue(\.go.global),
    .queue(\.go.netpoller), .units(\.go.procs),
    // The kernel's blocked threads, the CPUs' run queues, and the indexes into them.
    .queue(\.kernel.blocked), .array(\.kernel.runQueueOf), .array(\.kernel.blockedEntries),
    .units(\.kernel.cpus),
  ]

  /// The changes that make `old`'s growing parts into this state's.
  func changes(since old: TraceState) -> StateChanges {
    StateChanges(
      tasks: ArrayChanges(from: old.tasks, to: tasks),
      parts: Self.growingParts.compactMap { $0.changes(old, self) })
  }

  /// Brings the growing parts up to the state `changes` were taken from (the
  /// rest of this state is left as it was).
  mutating func apply(_ changes: StateChanges) {
    changes.tasks.apply(to: &tasks)
    for part in changes.parts { part.apply(&self) }
  }

  /// This state without its growing parts (a checkpoint keeps the rest
  /// whole): those of the state before any event.
  var withoutGrowing: TraceState {
    var rest = self
    rest.takeGrowing(from: TraceState())
    return rest
  }

  /// Takes the growing parts of `other`, a state at the same event.
  mutating func takeGrowing(from other: TraceState) {
    tasks = other.tasks
    for part in Self.growingParts { part.take(&self, other) }
  }

  /// The bytes this state's arrays hold, by their capacities (a deque by its count).
  var storedBytes: Int {
    var bytes = tasks.capacity * MemoryLayout<TaskInfo>.stride
    bytes += runQueue.storedBytes + reactor.storedBytes + go.storedBytes + kernel.storedBytes
    bytes += lints.capacity * MemoryLayout<LintRecord>.stride
    return bytes
  }
}
