import AsyncVizTrace

/// Runs several futures concurrently inside one task and gives all their
/// outputs, in argument order (Rust's `join!`). The first poll polls every
/// child; later polls poll only the children woken since (each child's
/// wakers carry its `WakeRoute`), as tokio's `JoinSet` and futures-rs's
/// `FuturesUnordered` do, so N wakes cost N child polls, not N^2. (Rust's
/// `join!` macro polls every child each time; for a leaf that was not woken
/// that poll only returns Pending again, so the outputs and their order are
/// the same.) As tokio's `join!` does (macros/join.rs, `skip_next_time`),
/// each poll starts one child further than the last (0, 1, ..., n-1, 0,
/// ...), so that no child always goes first; this decides the order of the
/// children's effects.
public struct JoinAll<T>: Future {
  /// The children; a finished child is never polled again.
  private var children: [any Future<T>]
  /// Outputs so far, by child index.
  private var results: [T?]
  /// Children not yet finished.
  private var remaining: Int
  /// Children woken since the last poll; nil before the first poll.
  private var ready: ReadySet?
  /// The child the next poll starts with (tokio's `skip_next_time`).
  private var start = 0

  /// Joins `children`.
  public init(_ children: [any Future<T>]) {
    self.children = children
    self.results = Array(repeating: nil, count: children.count)
    self.remaining = children.count
  }

  public mutating func poll(_ cx: inout Context) -> Poll<[T]> {
    let outer = cx.route
    defer { cx.route = outer }
    let (set, due) = ReadySet.due(&ready, count: children.count, parent: outer)
    let n = children.count
    let first = start
    start = first + 1 == n ? 0 : first + 1
    // The woken children (ascending) in the rotated order: from `first` up, then the rest.
    let split = due.firstIndex { $0 >= first } ?? due.count
    for i in due[split...] + due[..<split] where results[i] == nil {
      cx.route = WakeRoute(set: set, index: i)
      if case .ready(let value) = children[i].poll(&cx) {
        results[i] = value
        remaining -= 1
      }
    }
    if remaining == 0 { return .ready(results.compactMap { $0 }) }
    cx.awaiting = .join
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    for i in children.indices where results[i] == nil { children[i].cancel(&cx) }
  }
}

/// Polls several futures and finishes with the first one ready, giving its
/// index and value; the others are cancelled (dropped, in Rust's terms).
/// Children are polled in argument order, so ties go to the earlier one.
/// As in `JoinAll`, only the first poll polls every child; later ones poll
/// the children woken since.
public struct SelectFirst<T>: Future {
  /// The children; all are cancelled except the winner once one finishes.
  private var children: [any Future<T>]
  /// `selecting -> finished`.
  private var finished = false
  /// Children woken since the last poll; nil before the first poll.
  private var ready: ReadySet?

  /// Selects among `children`.
  public init(_ children: [any Future<T>]) { self.children = children }

  public mutating func poll(_ cx: inout Context) -> Poll<(index: Int, value: T)> {
    let outer = cx.route
    defer { cx.route = outer }
    let (set, due) = ReadySet.due(&ready, count: children.count, parent: outer)
    for i in due {
      cx.route = WakeRoute(set: set, index: i)
      if case .ready(let value) = children[i].poll(&cx) {
        cx.route = outer
        for j in children.indices where j != i { children[j].cancel(&cx) }
        finished = true
        return .ready((i, value))
      }
    }
    cx.awaiting = .select
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    guard !finished else { return }
    finished = true
    for i in children.indices { children[i].cancel(&cx) }
  }
}

/// Runs a future with a deadline: its value, or nil if the deadline passes
/// first (the future is then cancelled), like `tokio::time::timeout`: the
/// deadline is fixed when the timeout is made, and each poll tries the future
/// before the deadline.
public struct Timeout<F: Future>: Future {
  /// The guarded future.
  private var inner: F
  /// The deadline's timer.
  private var timer: Sleep
  /// `running -> finished`.
  private var finished = false

  /// Guards `inner` with a deadline `durationUs` after `nowUs`, the time it is made.
  public init(durationUs: Int64, from nowUs: Int64, _ inner: F) {
    self.inner = inner
    self.timer = Sleep(durationUs: durationUs, from: nowUs)
  }

  /// Guards `inner` with a deadline `durationUs` after the first poll (native
  /// code that makes the timeout inside the poll that awaits it).
  public init(durationUs: Int64, _ inner: F) {
    self.inner = inner
    self.timer = Sleep(durationUs: durationUs)
  }

  public mutating func poll(_ cx: inout Context) -> Poll<F.Output?> {
    if case .ready(let value) = inner.poll(&cx) {
      timer.cancel(&cx)
      finished = true
      return .ready(value)
    }
    if case .ready = timer.poll(&cx) {
      inner.cancel(&cx)
      finished = true
      return .ready(nil)
    }
    cx.awaiting = .timeout
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    guard !finished else { return }
    finished = true
    inner.cancel(&cx)
    timer.cancel(&cx)
  }
}
