/// The result of polling a future once, as in Rust's `std::task::Poll`.
public enum Poll<Output> {
  /// The future finished with this value; it must not be polled again.
  case ready(Output)
  /// Not finished. The future has arranged for the task's waker to be woken
  /// when progress is possible (or, if it has not, the task is stuck).
  case pending

  /// Whether this is `.ready`.
  @inlinable public var isReady: Bool {
    if case .ready = self { return true }
    return false
  }

  /// Transforms the ready value.
  @inlinable
  public func map<T>(_ transform: (Output) -> T) -> Poll<T> {
    switch self {
    case .ready(let value): .ready(transform(value))
    case .pending: .pending
    }
  }
}
