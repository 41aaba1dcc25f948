import AsyncVizTrace

/// A JavaScript promise, as V8 keeps it: pending, then fulfilled once, with
/// the reactions (`then` callbacks) attached while pending. Settling it
/// queues each reaction as a microtask, in the order they were attached
/// (TriggerPromiseReactions); attaching one to a settled promise queues it at
/// once (PerformPromiseThen). .av programs throw nothing, so no promise is
/// ever rejected and a rejected state would be dead code.
public final class Promise<Value> {
  /// `pending -> fulfilled`; nothing else.
  public enum State {
    case pending
    case fulfilled(Value)
  }

  /// A `then` callback waiting for the promise to settle.
  struct Reaction {
    /// The async fn the job is for, in the trace.
    var task: TaskID
    /// What the job does, in the trace.
    var job: MicrotaskJob
    /// The race it contends in (nil: not a `Promise.race` contender).
    var race: RaceClaim?
    /// The callback.
    var handler: (Value) -> Void
  }

  /// Where the promise is.
  public private(set) var state = State.pending
  /// What it stands for ("db.query", "sleep", "join #3"), for the notes.
  public let awaited: Awaited
  /// The loop whose microtask queue runs its reactions.
  unowned let loop: EventLoop
  /// Reactions attached while pending, in order.
  private var reactions: [Reaction] = []

  /// A pending promise of `loop`.
  public init(loop: EventLoop, awaited: Awaited) {
    self.loop = loop
    self.awaited = awaited
  }

  /// A promise fulfilled from the start (`Promise.resolve(v)`).
  public convenience init(loop: EventLoop, fulfilled value: Value, awaited: Awaited) {
    self.init(loop: loop, awaited: awaited)
    state = .fulfilled(value)
  }

  /// Whether it is still pending.
  public var isPending: Bool {
    if case .pending = state { return true }
    return false
  }

  /// `promise.then(handler)`: the handler runs in a microtask after the
  /// promise is fulfilled (at once queued if it already is).
  public func then(for task: TaskID, _ job: MicrotaskJob, _ handler: @escaping (Value) -> Void) {
    switch state {
    case .pending:
      reactions.append(Reaction(task: task, job: job, race: nil, handler: handler))
    case .fulfilled(let value):
      loop.queueMicrotask(for: task, job) { handler(value) }
    }
  }

  /// `promise.then(handler)` for a contender of a `Promise.race`: its job is
  /// `race` if it is the race's first to be queued, `raceLate` after that.
  public func then(for task: TaskID, racing race: RaceClaim, _ handler: @escaping (Value) -> Void) {
    switch state {
    case .pending:
      reactions.append(Reaction(task: task, job: .race, race: race, handler: handler))
    case .fulfilled(let value):
      loop.queueMicrotask(for: task, race.claim()) { handler(value) }
    }
  }

  /// Fulfills a pending promise with a value that is not a promise
  /// (FulfillPromise): its reactions are queued, in order. A settled promise
  /// ignores it, as a second call of a resolve function does.
  public func fulfill(_ value: Value) {
    guard isPending else { return }
    state = .fulfilled(value)
    let waiting = reactions
    reactions = []
    for r in waiting { loop.queueMicrotask(for: r.task, r.race?.claim() ?? r.job) { r.handler(value) } }
  }

  /// Resolves this promise with another promise (a thenable): V8 queues a
  /// NewPromiseResolveThenableJob, which attaches a reaction to `other`, so
  /// this one settles two jobs after `other` does. `adopt` receives the value
  /// (the caller resolves again with it, which may be a promise once more).
  public func resolve(
    adopting other: Promise<Value>, for task: TaskID, _ adopt: @escaping (Value) -> Void
  ) {
    guard isPending else { return }
    loop.queueMicrotask(for: task, .thenable) { other.then(for: task, .thenable, adopt) }
  }
}

/// Which contender of one `Promise.race` settles it. The microtask queue
/// runs jobs in the order they were queued, so the first contender whose
/// reaction is queued is the one whose value the race takes; every later one
/// runs to its end all the same (Promise.race cancels nothing) and its value
/// is ignored. The trace says which is which.
public final class RaceClaim {
  /// Whether a contender's reaction has been queued.
  private var decided = false

  /// A race no contender has settled yet.
  public init() {}

  /// The job of the next contender's reaction: `race` the first time, `raceLate` after.
  func claim() -> MicrotaskJob {
    defer { decided = true }
    return decided ? .raceLate : .race
  }
}
