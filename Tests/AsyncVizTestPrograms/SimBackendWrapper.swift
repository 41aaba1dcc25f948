import AsyncVizRuntime
import AsyncVizTrace

/// A test backend that is the sim backend except where it says otherwise:
/// a conforming class implements what it changes (a clock that ticks by
/// itself, connections that run out) and every other requirement goes to
/// `inner`, so each such test writes only its difference.
public protocol SimBackendWrapper: ReactorBackend {
  var inner: SimBackend { get }
}

extension SimBackendWrapper {
  public var kind: BackendKind { inner.kind }
  public var now: Int64 { inner.now }
  public var clockMovesByItself: Bool { inner.clockMovesByItself }
  public func pass(_ us: Int64, blocking: Bool) { inner.pass(us, blocking: blocking) }
  public func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    inner.connect(resource: resource, op: op, argument: argument)
  }
  public func watch(fd: Int32, interest: Interest) -> Result<Void, BackendError> {
    inner.watch(fd: fd, interest: interest)
  }
  public func close(fd: Int32) { inner.close(fd: fd) }
  public func receive(fd: Int32) -> ReceiveResult { inner.receive(fd: fd) }
  public func wait(timeoutUs: Int64?) -> [ReadyFd] { inner.wait(timeoutUs: timeoutUs) }
  public func shutdown() { inner.shutdown() }
}
