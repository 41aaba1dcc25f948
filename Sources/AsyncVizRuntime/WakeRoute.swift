/// Which child of a combinator a stored waker belongs to, so that a wake
/// tells the combinator which child to poll again, as the per-child wakers of
/// futures-rs's `FuturesUnordered` and tokio's `JoinSet` do. Without it, a
/// join of N children would poll all N on every wake: O(N^2) for N wakes.
///
/// `Context.route` is the route of the future being polled; a waker stored
/// during that poll keeps it, and waking marks the child in its combinator's
/// `ReadySet` and every enclosing one up to the task.
public struct WakeRoute: Hashable, Sendable {
  /// The combinator's set of woken children.
  let set: ReadySet
  /// The child's index in that combinator.
  let index: Int

  /// Marks this child, and the enclosing combinators' children that hold it,
  /// as woken. The chain is as long as combinators nest (bounded by the
  /// program's nesting limit).
  func mark() {
    var route: WakeRoute? = self
    while let r = route {
      r.set.mark(r.index)
      route = r.set.parent
    }
  }

  public static func == (a: WakeRoute, b: WakeRoute) -> Bool { a.set === b.set && a.index == b.index }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(set))
    hasher.combine(index)
  }
}

/// The children of one combinator woken since it last polled them.
///
/// A class because the wakers of its children refer to it. Unchecked
/// Sendable because it is only ever touched on the executor's thread: wakers
/// are stored and woken by the runtime inside `step()`, never by the epoll
/// peer thread.
final class ReadySet: @unchecked Sendable {
  /// The route of the combinator itself, in the combinator that holds it
  /// (nil: the combinator is polled directly by its task).
  let parent: WakeRoute?
  /// `woken[i]`: child `i` is in `order`.
  private var woken: [Bool]
  /// Woken children, in the order their wakes came.
  private var order: [Int] = []

  /// A set for `count` children, none woken, inside `parent`.
  init(count: Int, parent: WakeRoute?) {
    self.parent = parent
    woken = Array(repeating: false, count: count)
  }

  /// What a combinator polls now: every child on its first poll (making
  /// its set, inside `parent`), then the children woken since the last poll.
  static func due(_ ready: inout ReadySet?, count: Int, parent: WakeRoute?) -> (ReadySet, [Int]) {
    if let ready { return (ready, ready.take()) }
    let set = ReadySet(count: count, parent: parent)
    ready = set
    return (set, Array(0..<count))
  }

  func mark(_ index: Int) {
    guard !woken[index] else { return }
    woken[index] = true
    order.append(index)
  }

  /// The children woken since the last call, in index order (the order a
  /// poll of every child would have reached them), and empties the set.
  func take() -> [Int] {
    var taken = order
    order.removeAll(keepingCapacity: true)
    for i in taken { woken[i] = false }
    taken.sort()
    return taken
  }
}
