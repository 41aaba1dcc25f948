/// A lazy, poll-based computation, as in Rust's `std::future::Future`.
///
/// Creating a future does nothing: work happens only inside `poll`, which the
/// executor calls when the task owning the future is at the front of the run
/// queue. A future that cannot finish returns `.pending` after handing a waker
/// to whoever will make progress possible (the reactor, a timer, another task).
///
/// Rust pins a future and drops it when it is no longer wanted; Swift has no
/// destructor for a struct, so `cancel` plays the part of `Drop`: it releases
/// what a started future holds (timers, registrations, stored wakers).
public protocol Future<Output> {
  /// What the future produces.
  associatedtype Output

  /// Advances the future as far as it can go without waiting.
  mutating func poll(_ cx: inout Context) -> Poll<Output>

  /// Releases whatever the future holds; called at most once, on an
  /// unfinished future that will never be polled again.
  mutating func cancel(_ cx: inout Context)
}

extension Future {
  /// A future that holds nothing has nothing to release.
  public mutating func cancel(_ cx: inout Context) {}
}
