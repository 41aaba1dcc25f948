/// What a non-blocking system call gave: its value, or "would block"
/// (EAGAIN / EWOULDBLOCK), which is not an error but a reason to wait for
/// readiness. Errors are thrown as `BackendError`.
public enum IOResult<Value> {
  /// The call completed with this value.
  case done(Value)
  /// The call would have blocked; try again once the fd is ready.
  case wouldBlock
}

extension IOResult: Equatable where Value: Equatable {}
extension IOResult: Sendable where Value: Sendable {}
