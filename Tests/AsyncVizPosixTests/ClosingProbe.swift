import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Foundation

/// The epoll backend, checked each time a resource connection is closed:
/// the sockets this backend has open (read from /proc/self/fd) must then be
/// at most two per connection still open on the task side. A dropped request
/// whose remote end the peer still held would show as one socket too many.
final class ClosingProbe: ReactorBackend {
  /// One check that failed: connections still open, sockets seen.
  struct Excess: CustomStringConvertible {
    var live: Int
    var sockets: Int
    var description: String { "\(sockets) sockets open with \(live) live connections" }
  }

  let inner: EpollBackend
  /// Socket entries open before the backend made any connection.
  private let baseline: [Int32: String]
  /// Task-side fds of connections not yet closed.
  private var live: Set<Int32> = []
  /// Connections closed while a check ran.
  private(set) var closesChecked = 0
  /// The first failed check, if any (later checks are skipped: each waits).
  private(set) var excess: Excess?

  init() throws(BackendError) {
    baseline = OpenFds.snapshot()
    inner = try EpollBackend()
  }

  var kind: BackendKind { inner.kind }
  var now: Int64 { inner.now }
  var clockMovesByItself: Bool { inner.clockMovesByItself }
  func pass(_ us: Int64, blocking: Bool) { inner.pass(us, blocking: blocking) }
  func watch(fd: Int32, interest: Interest) -> Result<Void, BackendError> {
    inner.watch(fd: fd, interest: interest)
  }
  func receive(fd: Int32) -> ReceiveResult { inner.receive(fd: fd) }
  func wait(timeoutUs: Int64?) -> [ReadyFd] { inner.wait(timeoutUs: timeoutUs) }
  func shutdown() { inner.shutdown() }

  func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    let result = inner.connect(resource: resource, op: op, argument: argument)
    if case .success(let fd) = result { live.insert(fd) }
    return result
  }

  func close(fd: Int32) {
    inner.close(fd: fd)
    guard live.remove(fd) != nil, excess == nil else { return }
    closesChecked += 1
    // Tests of other targets in this process may hold a socket for a moment
    // (Foundation's Process): re-read for up to two seconds before calling an
    // excess real. A socket held by the peer for a dropped request stays.
    var sockets = 0
    for attempt in 0..<40 {
      if attempt > 0 { usleep(50_000) }
      sockets =
        OpenFds.snapshot().filter { baseline[$0.key] != $0.value && $0.value.hasPrefix("socket:") }.count
      if sockets <= 2 * live.count { return }
    }
    excess = Excess(live: live.count, sockets: sockets)
  }
}
