import AsyncVizTrace

/// The state at any step of a trace, reached at once: a checkpoint of the
/// reducer's state is kept every `interval` events, so reaching any step
/// costs one checkpoint's restore and at most `interval` applies, whatever
/// the trace's length. A live trace grows through `sync(with:)`.
///
/// A checkpoint stores what changed, not the whole state: of the parts that
/// grow with the run (the tasks and `TraceState.growingParts`: `StateChanges`)
/// what differs from the previous checkpoint, with the rest of the state whole (it is small beside
/// them). A checkpoint is whole once the tasks changed since the last whole
/// one number as many as the state's tasks, and at least every
/// `fullEvery`th: a restore then copies one task table and applies fewer
/// changed tasks than it holds, and whole checkpoints at most double what
/// the changes alone hold. (Tasks are counted, not bytes: a task is most of
/// a state's weight, 88 bytes beside a queue entry's 4, and counts do not
/// depend on the allocator as arrays' capacities do, so the same trace
/// always gets the same checkpoints.) Whole-state checkpoints of a 20,000-task run cost
/// 2 MB each, about 500 bytes per event; these cost about what the events
/// changed (`storedBytes`).
///
/// Shares the events with the trace it syncs with: it holds no copy of its
/// own (a live producer appends to them: see `record(_:thenSyncWith:)`).
public struct TraceHistory: Sendable {
  /// One checkpoint: the state after `events[0..<i * interval]`.
  struct Checkpoint: Sendable {
    /// The whole state in a full checkpoint; else the state without its
    /// growing parts (the reactor's fds, the lints, the counts...).
    var rest: TraceState
    /// What the growing parts changed since the previous checkpoint; nil in a full one.
    var changes: StateChanges?
  }

  /// A checkpoint in this many at least is whole. At 32, the whole ones were
  /// half of a 20,000-task view's checkpoints (2 MB each); at 64 a restore
  /// applies up to 63 lists of changes, which the jumps' 20 ms goal has room for.
  public static let fullEvery = 64

  /// The trace as far as it is known: program, tasks, strings, events, end.
  public private(set) var trace: Trace
  /// Events between two checkpoints (> 0).
  public let interval: Int
  /// `checkpoints[i]` is the state after `events[0..<i * interval]`.
  private var checkpoints: [Checkpoint]
  /// The state at the last checkpoint, to see what the next one changed (it
  /// shares the tip's storage until the tip next changes).
  private var checkpointState = TraceState()
  /// The tasks changed in the checkpoints since the last whole one.
  private var changedTasks = 0
  /// The index of the last whole checkpoint.
  private var lastFull = 0
  /// The state after every event, extended as events arrive.
  private var tip: TraceState

  /// Whether `sync(with:)` indexes every event at once (else `index(upTo:)` does, as far as asked).
  public let indexesAtOnce: Bool

  /// A history of `trace`. `indexesAtOnce`: checkpoints for every event now,
  /// in one pass; else none yet (a view indexes as far as it shows, then the
  /// rest while it waits for keys, so that its first frame does not wait).
  public init(trace: Trace, interval: Int = 4096, indexesAtOnce: Bool = true) {
    self.interval = max(1, interval)
    self.indexesAtOnce = indexesAtOnce
    self.trace = Trace(program: trace.program)
    self.checkpoints = [Checkpoint(rest: TraceState(), changes: nil)]
    self.tip = TraceState()
    sync(with: trace)
  }

  /// Events covered by checkpoints so far (the rest are replayed from the last when asked for).
  public var indexedEvents: Int { tip.applied }

  /// Whether every event is covered by checkpoints.
  public var isFullyIndexed: Bool { tip.applied >= trace.events.count }

  /// Extends the checkpoints to cover at least `events[0..<n]` (to the next checkpoint).
  public mutating func index(upTo n: Int) {
    extendCheckpoints(upTo: min(n, trace.events.count))
  }

  /// The last step recorded so far.
  public var lastStep: UInt32 { trace.events.last?.step ?? 0 }

  /// Whether the run has ended (the trace has its `end`).
  public var isComplete: Bool { trace.end != nil }

  /// Brings the history up to date with `source`, a later version of the
  /// same trace (its arrays are shared, not copied), and extends the checkpoints.
  public mutating func sync(with source: Trace) {
    trace = source
    if indexesAtOnce { extendCheckpoints(upTo: trace.events.count) }
  }

  /// Runs `record`, which appends to the trace `source` gives (a live run's
  /// recorder), then syncs with it. Meanwhile the history lets go of the
  /// trace: an append to arrays it shares would copy them whole.
  public mutating func record<R>(_ record: () -> R, thenSyncWith source: () -> Trace) -> R {
    trace = Trace(program: trace.program)
    let result = record()
    sync(with: source())
    return result
  }

  /// The index one past the last event of `step` (events are ordered by step).
  public func eventEnd(ofStep step: UInt32) -> Int {
    (0..<trace.events.count).partitionPoint { trace.events.step(at: $0) <= step }
  }

  /// The events of `step`.
  public func events(ofStep step: UInt32) -> Range<Int> {
    let end = eventEnd(ofStep: step)
    let start = step == 0 ? 0 : eventEnd(ofStep: step - 1)
    return start..<end
  }

  /// The state after step `step` (clamped to the last step); at the last step
  /// of an ended run it is finished, so stuck tasks show as stuck.
  /// `earlier`: a state of this history before that step, walked forward
  /// instead of a checkpoint restored when it is near (see `state(afterEvents:from:)`).
  public func state(atStep step: UInt32, from earlier: consuming TraceState? = nil) -> TraceState {
    let k = min(step, lastStep)
    var state = state(afterEvents: eventEnd(ofStep: k), from: consume earlier)
    if k == lastStep, let runEnd = trace.end { state.finish(runEnd) }
    return state
  }

  /// The state after `trace.events[0..<n]`, not finished even at the end: the
  /// state the narration explains event `n` from. `earlier`: a state of
  /// this history (unfinished) at most `interval` events before, walked
  /// forward instead: a view reaches a step's states from the one before its
  /// narrated steps, and a restore of a 125,000-thread run copies its
  /// growing parts whole (megabytes) where the walk applies a few events.
  public func state(afterEvents n: Int, from earlier: consuming TraceState? = nil) -> TraceState {
    let end = min(max(n, 0), trace.events.count)
    if end == tip.applied { return tip }
    // Consumed, so that the walk's first change copies nothing the caller still holds.
    if var state = consume earlier, state.end == nil, state.applied <= end, end - state.applied <= interval {
      TraceReducer.apply(trace.events, upTo: end, to: &state)
      return state
    }
    // Past what is indexed: from the tip, the latest state kept.
    var state = end > tip.applied ? tip : restore(min(end / interval, checkpoints.count - 1))
    TraceReducer.apply(trace.events, upTo: end, to: &state)
    return state
  }

  /// The bytes the history's own arrays hold (the event log, shared with
  /// the trace, counted once; the checkpoints; the tip), by their capacities:
  /// what a test bounds by the trace's size.
  public var storedBytes: Int {
    var bytes = trace.events.storedBytes
    bytes += checkpoints.capacity * MemoryLayout<Checkpoint>.stride
    for checkpoint in checkpoints {
      bytes += (checkpoint.changes?.storedBytes ?? 0) + checkpoint.rest.storedBytes
    }
    return bytes + checkpointState.storedBytes + tip.storedBytes
  }

  /// The changed tasks a restore of the checkpoint under `n` events
  /// applies, and the tasks of the state it restores: what the rule for
  /// whole checkpoints bounds (a test reads it).
  package func restoreWeight(afterEvents n: Int) -> (changedTasks: Int, tasks: Int) {
    let c = min(max(n, 0) / interval, checkpoints.count - 1)
    let full = lastWhole(atOrBefore: c)
    let changed = checkpoints[(full + 1)..<(c + 1)].reduce(0) { $0 + ($1.changes?.tasks.changedCount ?? 0) }
    return (changed, checkpoints[c].changes?.tasks.count ?? checkpoints[c].rest.tasks.count)
  }

  /// The whole checkpoint at or before `c` (checkpoint 0 is whole).
  private func lastWhole(atOrBefore c: Int) -> Int {
    var full = c
    while checkpoints[full].changes != nil { full -= 1 }
    return full
  }

  /// The state at checkpoint `c`: the full checkpoint at or before it, then
  /// the changes of each one up to `c`.
  private func restore(_ c: Int) -> TraceState {
    let full = lastWhole(atOrBefore: c)
    if full == c { return checkpoints[c].rest }
    var growing = checkpoints[full].rest
    // Room for the tasks at `c` at once when they grow: the copy the first
    // change makes is then the only one, where appends would copy at each doubling.
    if let last = checkpoints[c].changes, last.tasks.count > growing.tasks.count {
      growing.tasks.reserveCapacity(last.tasks.count)
    }
    for checkpoint in checkpoints[(full + 1)...c] {
      if let changes = checkpoint.changes { growing.apply(changes) }
    }
    var state = checkpoints[c].rest
    state.takeGrowing(from: growing)
    return state
  }

  private mutating func extendCheckpoints(upTo n: Int) {
    let events = trace.events
    while tip.applied < n {
      let boundary = (tip.applied / interval + 1) * interval
      TraceReducer.apply(events, upTo: min(boundary, events.count), to: &tip)
      if tip.applied == boundary { addCheckpoint() }
    }
  }

  /// Keeps the tip as the next checkpoint: what its growing parts changed,
  /// or whole once the tasks changed since the last whole one number its
  /// tasks (a run whose every task changes between checkpoints, as a
  /// thousand sleepers do, would else apply 63 lists each as long as a
  /// copy). A higher threshold measured slower node jumps; this one keeps
  /// the 20,000-task view within its memory goal (decisions.md, round nine).
  private mutating func addCheckpoint() {
    let changes = tip.changes(since: checkpointState)
    changedTasks += changes.tasks.changedCount
    if checkpoints.count - lastFull >= Self.fullEvery || changedTasks >= tip.tasks.count {
      lastFull = checkpoints.count
      changedTasks = 0
      checkpoints.append(Checkpoint(rest: tip, changes: nil))
    } else {
      checkpoints.append(Checkpoint(rest: tip.withoutGrowing, changes: changes))
    }
    checkpointState = tip
  }
}
