import AsyncVizTrace

/// A waker in the defer list. Plain values (its route's set retained by hand,
/// once when deferred, released when woken or dropped), so that the list's
/// pushes and pops copy words and a nil route costs no reference counting.
struct DeferredWaker {
  /// The task to wake.
  let task: TaskID
  /// The combinator set of its route, retained (nil: no route).
  let routeSet: Unmanaged<ReadySet>?
  /// The child index of its route.
  let routeIndex: Int
}
