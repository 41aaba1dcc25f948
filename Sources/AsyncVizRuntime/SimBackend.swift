import AsyncVizTrace
import HeapModule

/// The simulated kernel: virtual time from 0, connections answered exactly
/// `latency` after the request, no real system calls. Fully deterministic.
///
/// Simplification (said in docs/decisions.md): polls take no virtual time
/// unless the program calls `work` or `block`; only those and the reactor's
/// wait move the clock.
public final class SimBackend: ReactorBackend {
  /// One simulated connection.
  private struct Connection {
    /// When the answer arrives.
    var readyAtUs: Int64
    /// The answer.
    var reply: String
    /// In the interest list.
    var watched = false
    /// Distinguishes connections that reuse the same fd number.
    var serial: Int
    /// Already reported by a wait (readiness is edge-triggered, as with EPOLLET).
    var reported = false
  }

  /// A pending answer, ordered by arrival time then fd.
  private struct Arrival: Comparable {
    var atUs: Int64
    var fd: Int32
    /// The connection's serial: an arrival of a closed connection whose fd
    /// was reused must not count for the new one.
    var serial: Int
    static func < (a: Arrival, b: Arrival) -> Bool { (a.atUs, a.fd) < (b.atUs, b.fd) }
  }

  /// The first fd a connection gets: 0-2 are stdio, 3 the epoll instance and
  /// 4 its eventfd, as in the epoll backend, so both show similar numbers.
  public static let firstFd: Int32 = 5

  public let kind = BackendKind.sim
  public var clockMovesByItself: Bool { false }
  /// Virtual microseconds; only `pass` and `wait` move it, never backwards.
  public private(set) var now: Int64 = 0
  /// Open connections by fd.
  private var connections: [Int32: Connection] = [:]
  /// Answers not yet reported, earliest first (may hold closed fds, skipped).
  private var arrivals = Heap<Arrival>()
  /// Arrivals of connections not (yet) watched, by fd.
  private var parked: [Int32: Arrival] = [:]
  /// Closed fds below the highest ever used, reused lowest first like the kernel.
  private var freeFds = Heap<Int32>()
  /// Serial of the next connection.
  private var nextSerial = 0
  /// The next never-used fd.
  private var nextFd = SimBackend.firstFd

  /// A fresh simulated kernel at time 0.
  public init() {}

  public func pass(_ us: Int64, blocking: Bool) { now = now.saturatingAdding(max(0, us)) }

  public func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    let fd: Int32
    if let reused = freeFds.popMin() {
      fd = reused
    } else {
      fd = nextFd
      nextFd += 1
    }
    let at = now.saturatingAdding(max(0, resource.latencyUs))
    connections[fd] = Connection(
      readyAtUs: at, reply: resource.reply(op: op, argument: argument), serial: nextSerial)
    arrivals.insert(Arrival(atUs: at, fd: fd, serial: nextSerial))
    nextSerial += 1
    return .success(fd)
  }

  public func watch(fd: Int32, interest: Interest) -> Result<Void, BackendError> {
    guard connections[fd] != nil else { return .failure(BackendError("epoll_ctl(ADD, \(fd)): bad fd")) }
    connections[fd]?.watched = true
    if let a = parked.removeValue(forKey: fd) { arrivals.insert(a) }
    return .success(())
  }

  public func close(fd: Int32) {
    parked[fd] = nil
    if connections.removeValue(forKey: fd) != nil { freeFds.insert(fd) }
  }

  public func receive(fd: Int32) -> ReceiveResult {
    guard let c = connections[fd] else { return .failed("read(\(fd)): bad fd") }
    return c.readyAtUs <= now ? .data(c.reply) : .wouldBlock
  }

  public func wait(timeoutUs: Int64?) -> [ReadyFd] {
    let deadline = timeoutUs.map { now.saturatingAdding(max(0, $0)) }
    let nextArrival = firstLiveArrival()?.atUs
    let target: Int64? =
      switch (nextArrival, deadline) {
      case (let a?, let d?): min(a, d)
      case (let a?, nil): a
      case (nil, let d?): d
      case (nil, nil): nil
      }
    if let target, target > now { now = target }
    var ready: [ReadyFd] = []
    while let top = firstLiveArrival(), top.atUs <= now {
      _ = arrivals.removeMin()
      connections[top.fd]?.reported = true
      ready.append(ReadyFd(fd: top.fd, readiness: .read))
    }
    return ready
  }

  public func shutdown() {
    connections.removeAll()
    arrivals = Heap()
  }

  /// The earliest arrival on a connection that is still open and watched.
  /// Arrivals of closed fds are dropped; those of unwatched fds are parked
  /// until `watch` (the kernel reports nothing for an fd not in the list).
  private func firstLiveArrival() -> Arrival? {
    while let top = arrivals.min {
      guard let c = connections[top.fd], c.serial == top.serial, !c.reported else {
        _ = arrivals.removeMin()
        continue
      }
      if c.watched { return top }
      _ = arrivals.removeMin()
      parked[top.fd] = top
    }
    return nil
  }
}
