import DequeModule

/// A part of a model's state that grows with the run (one entry per task,
/// goroutine or thread; a queue as long as the tasks waiting in it), and
/// how a history's checkpoint keeps it: what changed since the previous
/// checkpoint, where a whole copy would cost the run's size (`TraceHistory`).
///
/// Every model's parts are listed once, in `TraceState.growingParts`: a new
/// model's state names its growing arrays and queues there, and the history
/// keeps, restores and drops them with no code of its own.
struct GrowingPart<State>: Sendable {
  /// What changed in this part from `old` to `new`; nil when nothing did
  /// (most parts of most checkpoints: a rust run has no goroutines).
  let changes: @Sendable (_ old: State, _ new: State) -> PartChanges<State>?
  /// Gives `state` this part as `other` has it.
  let take: @Sendable (_ state: inout State, _ other: State) -> Void

  /// An array compared position by position (`ArrayChanges`).
  static func array<Element: Equatable & Sendable>(_ path: WritableKeyPath<State, [Element]> & Sendable)
    -> Self
  {
    GrowingPart(
      changes: { old, new in
        let changes = ArrayChanges(from: old[keyPath: path], to: new[keyPath: path])
        guard changes.changedCount > 0 || changes.count != old[keyPath: path].count else { return nil }
        return PartChanges(storedBytes: changes.storedBytes) { changes.apply(to: &$0[keyPath: path]) }
      },
      take: { $0[keyPath: path] = $1[keyPath: path] })
  }

  /// A queue taken from the front and added to at the back (`QueueChanges`).
  static func queue<Element: Equatable & Sendable>(_ path: WritableKeyPath<State, Deque<Element>> & Sendable)
    -> Self
  {
    GrowingPart(
      changes: { old, new in
        let changes = QueueChanges(from: old[keyPath: path], to: new[keyPath: path])
        guard !changes.isEmpty else { return nil }
        return PartChanges(storedBytes: changes.storedBytes) { changes.apply(to: &$0[keyPath: path]) }
      },
      take: { $0[keyPath: path] = $1[keyPath: path] })
  }

  /// The run queues of a list of units (`UnitQueueChanges`): a unit's other
  /// fields (what it runs now) are small and kept whole, so `take` gives
  /// the queues alone.
  static func units<Unit: QueueUnit>(_ path: WritableKeyPath<State, [Unit]> & Sendable) -> Self {
    GrowingPart(
      changes: { old, new in
        let changes = UnitQueueChanges(from: old[keyPath: path], to: new[keyPath: path])
        guard !changes.isEmpty || changes.count != old[keyPath: path].count else { return nil }
        return PartChanges(storedBytes: changes.storedBytes) { changes.apply(to: &$0[keyPath: path]) }
      },
      take: { $0[keyPath: path].takeQueues(from: $1[keyPath: path]) })
  }
}

/// What changed in one growing part between two checkpoints: how to bring
/// the older state's part up to the newer one.
struct PartChanges<State>: Sendable {
  /// The bytes the changes hold, by their arrays' capacities.
  let storedBytes: Int
  /// Makes the part of a state at the older checkpoint into the newer one's.
  let apply: @Sendable (inout State) -> Void
}
