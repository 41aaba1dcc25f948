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

  /// The part at `path`, kept as `Diff`'s changes; `take` gives a state the
  /// part of another (all of it, unless said otherwise).
  static func kept<Diff: PartDiff>(
    _ path: WritableKeyPath<State, Diff.Whole> & Sendable, by _: Diff.Type,
    take: @escaping @Sendable (_ part: inout Diff.Whole, _ other: Diff.Whole) -> Void = { $0 = $1 }
  ) -> Self {
    GrowingPart(
      changes: { old, new in
        let changes = Diff(from: old[keyPath: path], to: new[keyPath: path])
        if changes.changesNothing(old[keyPath: path]) { return nil }
        return PartChanges(storedBytes: changes.storedBytes) { changes.apply(to: &$0[keyPath: path]) }
      },
      take: { take(&$0[keyPath: path], $1[keyPath: path]) })
  }

  /// An array compared position by position (`ArrayChanges`).
  static func array<Element: Equatable & Sendable>(_ path: WritableKeyPath<State, [Element]> & Sendable)
    -> Self
  {
    kept(path, by: ArrayChanges<Element>.self)
  }

  /// A queue taken from the front and added to at the back (`QueueChanges`).
  static func queue<Element: Equatable & Sendable>(_ path: WritableKeyPath<State, Deque<Element>> & Sendable)
    -> Self
  {
    kept(path, by: QueueChanges<Element>.self)
  }

  /// The run queues of a list of units (`UnitQueueChanges`): a unit's other
  /// fields (what it runs now) are small and kept whole, so `take` gives
  /// the queues alone.
  static func units<Unit: QueueUnit>(_ path: WritableKeyPath<State, [Unit]> & Sendable) -> Self {
    kept(path, by: UnitQueueChanges<Unit>.self) { $0.takeQueues(from: $1) }
  }
}

/// What changed in one kind of growing part (an array, a queue, units' run
/// queues) between two checkpoints, found by comparing the two.
protocol PartDiff: Sendable {
  /// The part (`[TaskInfo]`, `Deque<TaskID>`...).
  associatedtype Whole
  /// The changes that make `old` into `new`.
  init(from old: Whole, to new: Whole)
  /// Whether these changes leave `old` as it was.
  func changesNothing(_ old: Whole) -> Bool
  /// Makes `whole`, the old part, into the new one.
  func apply(to whole: inout Whole)
  /// The bytes the changes hold, by their arrays' capacities.
  var storedBytes: Int { get }
}

/// What changed in one growing part between two checkpoints: how to bring
/// the older state's part up to the newer one.
struct PartChanges<State>: Sendable {
  /// The bytes the changes hold, by their arrays' capacities.
  let storedBytes: Int
  /// Makes the part of a state at the older checkpoint into the newer one's.
  let apply: @Sendable (inout State) -> Void
}
