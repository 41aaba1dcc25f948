import AsyncVizTrace

/// One request/response round trip to a resource (`db.query(...)`).
///
/// First poll: open a connection, write the request (`io_send`), register the
/// fd for read with this task's waker, return Pending. When the reactor wakes
/// the task, read the answer, deregister and close the fd, return it. Each
/// call has its own connection, so concurrent calls are independent.
public struct ResourceCall: Future {
  /// `idle -> waiting(fd) -> finished`; cancel closes a waiting fd.
  private enum State {
    case idle
    case waiting(Int32)
    case finished
  }

  /// The server.
  public let resource: ResourceSpec
  /// The operation name, e.g. "query".
  public let op: String
  /// The request's argument text.
  public let argument: String
  /// Interned "resource.op", what the task is shown to await.
  private var label: StringID = .empty
  private var state = State.idle

  /// Describes a call; nothing happens until it is polled.
  public init(resource: ResourceSpec, op: String, argument: String) {
    self.resource = resource
    self.op = op
    self.argument = argument
  }

  public mutating func poll(_ cx: inout Context) -> Poll<Result<String, BackendError>> {
    switch state {
    case .idle:
      label = cx.intern("\(resource.name).\(op)")
      let fd: Int32
      switch cx.send(to: resource, op: op, argument: argument) {
      case .success(let opened): fd = opened
      case .failure(var error):
        state = .finished
        error.isLocal = true
        return .ready(.failure(error))
      }
      if case .failure(var error) = cx.register(fd: fd, interest: .read) {
        cx.deregister(fd: fd)
        state = .finished
        error.isLocal = true
        return .ready(.failure(error))
      }
      state = .waiting(fd)
    case .waiting(let fd):
      switch cx.receive(fd: fd) {
      case .data(let reply):
        cx.deregister(fd: fd)
        state = .finished
        return .ready(.success(reply))
      case .failed(let why):
        cx.deregister(fd: fd)
        state = .finished
        return .ready(.failure(BackendError(why)))
      case .wouldBlock:
        cx.rearm(fd: fd)
      }
    case .finished:
      preconditionFailure("ResourceCall polled after it finished")
    }
    cx.suspend(on: label)
    return .pending
  }

  public mutating func cancel(_ cx: inout Context) {
    if case .waiting(let fd) = state { cx.deregister(fd: fd) }
    state = .finished
  }
}
