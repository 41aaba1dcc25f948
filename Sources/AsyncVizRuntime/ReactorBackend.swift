import AsyncVizTrace

/// A resource of a program: a server answering each request after `latencyUs`.
public struct ResourceSpec: Sendable, Hashable {
  /// The name used in programs and traces, e.g. "db".
  public var name: String
  /// How long the server takes to answer one request, in microseconds (>= 0).
  public var latencyUs: Int64

  /// Describes a resource.
  public init(name: String, latencyUs: Int64) {
    self.name = name
    self.latencyUs = latencyUs
  }

  /// The answer the server gives to `op(argument)`, the same on every backend:
  /// it echoes the request so the data flow between calls shows. A long
  /// argument is shortened with ASCII "..." and its parentheses are closed, so
  /// nested replies stay balanced: `svc.call(db.query(SELECT * FROM use...))`.
  public func reply(op: String, argument: String) -> String {
    let limit = 20
    guard argument.count > limit else { return "\(name).\(op)(\(argument))" }
    let kept = argument.prefix(limit)
    let open = kept.filter { $0 == "(" }.count - kept.filter { $0 == ")" }.count
    let closing = String(repeating: ")", count: max(0, open))
    return "\(name).\(op)(\(kept)...\(closing))"
  }
}

/// What reading a connection gave.
public enum ReceiveResult: Sendable, Equatable {
  /// The whole answer.
  case data(String)
  /// Nothing yet (EAGAIN): wait for readiness again.
  case wouldBlock
  /// The peer closed early or the read failed; the text says which.
  case failed(String)
}

/// The kernel side of the reactor: a simulated one or Linux's epoll.
///
/// The reactor (interest list, timer queue, wakes) is the same code for both;
/// a backend only opens connections, watches fds, reads them, waits for
/// readiness and tells the time. Every method is called on the executor's
/// thread.
public protocol ReactorBackend: AnyObject {
  /// Which backend this is, for the trace header.
  var kind: BackendKind { get }
  /// Microseconds since the run began: virtual (sim) or elapsed real (epoll).
  var now: Int64 { get }
  /// True for a real clock (read at poll boundaries); false for a virtual one
  /// that only `pass` and `wait` move.
  var clockMovesByItself: Bool { get }
  /// Lets `us` microseconds pass inside a poll: CPU work, or a blocking call.
  func pass(_ us: Int64, blocking: Bool)
  /// Opens a connection to `resource` and sends `op(argument)`; returns the fd.
  func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError>
  /// Adds `fd` to the kernel's interest list (epoll_ctl ADD).
  func watch(fd: Int32, interest: Interest) -> Result<Void, BackendError>
  /// Removes `fd` from the interest list and closes it.
  func close(fd: Int32)
  /// Reads the answer waiting on `fd`, if any.
  func receive(fd: Int32) -> ReceiveResult
  /// Blocks until a watched fd is ready or `timeoutUs` passes (nil: no limit)
  /// and returns the ready list, in the order the kernel reported it.
  func wait(timeoutUs: Int64?) -> [ReadyFd]
  /// The same wait, filling the reactor's `ready` (emptied first) instead
  /// of returning an array: what the runtime calls on every reactor turn.
  /// Defaults to `wait(timeoutUs:)`; a backend on a hot path overrides it.
  func wait(timeoutUs: Int64?, into ready: inout ReadyList)
  /// Releases every kernel object (fds, threads); the run is over.
  func shutdown()
}

extension ReactorBackend {
  public func wait(timeoutUs: Int64?, into ready: inout ReadyList) {
    ready.removeAll()
    for r in wait(timeoutUs: timeoutUs) { ready.append(r) }
  }
}

/// A failed system call, named with its errno so the message is actionable.
public struct BackendError: Error, Sendable, Equatable, CustomStringConvertible {
  /// e.g. "socketpair: Too many open files (errno 24)".
  public var message: String
  /// Whether the request never reached the server: the runtime could not
  /// make it (out of file descriptors, a failed system call). That is the
  /// run's failure, not an answer; a server that hangs up is not local.
  public var isLocal: Bool

  /// Wraps a message.
  public init(_ message: String, isLocal: Bool = false) {
    self.message = message
    self.isLocal = isLocal
  }

  public var description: String { message }
}
