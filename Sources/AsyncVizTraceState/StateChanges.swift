import AsyncVizTrace

/// What a history's checkpoint keeps of the parts of a state that grow with
/// the run: what changed since the previous checkpoint. Those parts are the
/// task table, the armed timers, the rust run queue, go's per-goroutine arrays, run queues and
/// netpoller list, and the kernel's blocked threads and run queues: with
/// 60,000 goroutines or 125,000 threads waiting, a whole copy of them per
/// checkpoint was most of the history's memory (`TraceHistory`).
struct StateChanges: Sendable {
  var tasks: ArrayChanges<TaskInfo>
  var timers: QueueChanges<ReactorState.Timer>
  /// The rust run queue: 20,000 tasks yielding keep it 20,000 long, 80 KB a
  /// checkpoint when kept whole (41 MB of a 2.1 M-event history).
  var runQueue: QueueChanges<TaskID>
  var go: GoSchedState.Changes
  var kernel: KernelState.Changes

  var storedBytes: Int {
    tasks.storedBytes + timers.storedBytes + runQueue.storedBytes + go.storedBytes + kernel.storedBytes
  }
}

extension TraceState {
  /// The changes that make `old`'s growing parts into this state's.
  func changes(since old: TraceState) -> StateChanges {
    StateChanges(
      tasks: ArrayChanges(from: old.tasks, to: tasks),
      timers: QueueChanges(from: old.reactor.timers, to: reactor.timers),
      runQueue: runQueue.changes(since: old.runQueue), go: go.changes(since: old.go),
      kernel: kernel.changes(since: old.kernel))
  }

  /// Brings the growing parts up to the state `changes` were taken from (the
  /// rest of this state is left as it was).
  mutating func apply(_ changes: StateChanges) {
    changes.tasks.apply(to: &tasks)
    changes.timers.apply(to: &reactor.timers)
    runQueue.apply(changes.runQueue)
    go.apply(changes.go)
    kernel.apply(changes.kernel)
  }

  /// This state without its growing parts (a checkpoint keeps the rest whole).
  var withoutGrowing: TraceState {
    var rest = self
    rest.tasks = []
    rest.reactor.timers = []
    rest.runQueue = TaskQueue()
    rest.go.dropGrowing()
    rest.kernel.dropGrowing()
    return rest
  }

  /// Takes the growing parts of `other`, a state at the same event.
  mutating func takeGrowing(from other: TraceState) {
    tasks = other.tasks
    reactor.timers = other.reactor.timers
    runQueue = other.runQueue
    go.takeGrowing(from: other.go)
    kernel.takeGrowing(from: other.kernel)
  }

  /// The bytes this state's arrays hold, by their capacities (a deque by its count).
  var storedBytes: Int {
    var bytes = tasks.capacity * MemoryLayout<TaskInfo>.stride
    bytes += runQueue.storedBytes + reactor.storedBytes + go.storedBytes + kernel.storedBytes
    bytes += lints.capacity * MemoryLayout<LintRecord>.stride
    return bytes
  }
}
