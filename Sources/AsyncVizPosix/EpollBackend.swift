import AsyncVizRuntime
import AsyncVizTrace
import CEpoll
import Glibc

/// The real Linux kernel behind the reactor: one epoll instance, a real
/// non-blocking AF_UNIX socketpair per resource request, and one peer thread
/// playing every remote end (`PeerServer`). See docs/epoll-backend.md.
///
/// - `connect`: socketpair, write the request frame on the task side, hand
///   the peer side to the peer thread; returns the task-side fd.
/// - `watch`: `epoll_ctl(ADD, fd, EPOLLIN | EPOLLRDHUP | EPOLLET)`. Edge-
///   triggered, so a readiness is reported once, like the sim's. The backend
///   owns a watched fd from then on: `close` or `shutdown` closes it.
/// - `wait`: `epoll_pwait2` with the timeout in nanoseconds (or `epoll_wait`
///   rounded up to whole ms where the kernel lacks it); a wait with no
///   timeout, or timeout 0, is `epoll_wait` with -1 or 0 (the same call,
///   cheaper in the kernel); see `EpollBackend+Wait`.
/// - `now`: elapsed real microseconds (CLOCK_MONOTONIC) since `init`.
///
/// Used by one thread, like every backend; only the peer thread's hand-over
/// (`PeerServer.inbox`) is shared.
public final class EpollBackend: ReactorBackend {
  /// `open -> shutDown`; after shutdown every call fails or does nothing.
  enum Lifecycle {
    case open
    case shutDown
  }

  /// Ready fds one `epoll_wait` call can return; more come in the next call.
  static let eventCapacity = 256

  public let kind = BackendKind.epoll
  /// The epoll instance; valid while `lifecycle == .open`.
  let epfd: Int32
  /// The eventfd through which the executor wakes the peer thread.
  let feed: Int32
  /// CLOCK_MONOTONIC at creation: `now` counts from here.
  let startNs: Int64
  /// Which wait call the kernel accepts: `.nanoseconds` until the first
  /// `epoll_pwait2` fails with ENOSYS (then `.milliseconds` for good), or
  /// what the creator forced. Found by the first timed wait, not by a probe call,
  /// so that every wait call the kernel sees is one the trace shows.
  /// (The state `wait` touches has unchecked exclusivity: only the executor's
  /// thread calls the backend, one call at a time, and each checked access
  /// to a class's `var` cost a runtime call, 8 per reactor turn.)
  @exclusivity(unchecked) public internal(set) var precision: WaitPrecision
  /// Resources whose peer closes each connection without answering.
  let hangUpResources: Set<String>
  /// Open until `shutdown`; never reopens.
  @exclusivity(unchecked) var lifecycle = Lifecycle.open
  /// The peer thread, started by the first `connect`.
  var peer = PeerThread()
  /// Resource connections by task-side fd; an fd is here from `connect` to
  /// `close` (or `shutdown`), so `receive` knows which fds carry answers to
  /// decode and which the program owns.
  var connections: [Int32: Connection] = [:]
  /// The id of the next peer job (ids are never reused, unlike fds).
  var nextJob = 0
  /// Watched fds that are not connections (the program's own); closed by `close` or `shutdown`.
  var ownedFds: Set<Int32> = []
  /// The kernel's output buffer for `epoll_wait`, allocated once.
  let events: UnsafeMutableBufferPointer<epoll_event>
  /// The wait system calls made so far; `calls - interrupted` equals the
  /// number of `wait`s (one call per reactor turn, plus one per EINTR retry).
  @exclusivity(unchecked) public internal(set) var waitCounts = WaitCounts()
  /// How many times a signal interrupted a wait (EINTR); the wait resumed each time.
  public var interruptedWaits: Int { waitCounts.interrupted }
  /// The first failure of a call that cannot report one (the wait); nil if none.
  @exclusivity(unchecked) public internal(set) var failure: BackendError?

  /// Opens an epoll instance and the peer's eventfd (no thread yet).
  /// `hangUpResources` names resources whose server drops every connection
  /// after reading the request, to show what a task sees then. `precision`
  /// forces a wait call (tests of the millisecond fallback); by default the
  /// first timed wait tries epoll_pwait2 and falls back if the kernel lacks it.
  public init(hangUpResources: Set<String> = [], precision: WaitPrecision? = nil) throws(BackendError) {
    Self.raiseOpenFileLimit()
    Self.growFdTable()
    epfd = try Syscall.epollCreate()
    do {
      feed = try Syscall.eventFD()
    } catch {
      Syscall.close(epfd)
      throw error
    }
    self.precision = precision ?? .nanoseconds
    self.hangUpResources = hangUpResources
    events = .allocate(capacity: Self.eventCapacity)
    events.initialize(repeating: epoll_event())
    startNs = Monotonic.nanoseconds()
  }

  deinit {
    shutdown()
    events.deallocate()
  }

  /// Elapsed real microseconds since the backend was created.
  public var now: Int64 { (Monotonic.nanoseconds() - startNs) / 1000 }

  /// Real time passes during polls too: the runtime re-reads `now` at poll boundaries.
  public var clockMovesByItself: Bool { true }

  /// Work spins on the clock (the thread stays busy, as CPU work would);
  /// a blocking call really sleeps the thread.
  public func pass(_ us: Int64, blocking: Bool) {
    guard us > 0 else { return }
    if blocking {
      Syscall.sleep(nanoseconds: us * 1000)
    } else {
      let end = Monotonic.nanoseconds().saturatingAdding(us.saturatingMultiplied(by: 1000))
      while Monotonic.nanoseconds() < end {}
    }
  }

  public func connect(resource: ResourceSpec, op: String, argument: String) -> Result<Int32, BackendError> {
    guard lifecycle == .open else { return .failure(BackendError("connect: the backend has been shut down")) }
    let pair: (task: Int32, peer: Int32)
    do {
      pair = try Syscall.socketPair()
    } catch {
      return .failure(error)
    }
    let hangUp = hangUpResources.contains(resource.name)
    let answerAt: Int64
    let server: PeerServer
    do {
      try Syscall.sendAll(pair.task, WireFormat.request(op: op, argument: argument))
      let latency = hangUp ? 0 : max(0, resource.latencyUs)
      answerAt = Monotonic.nanoseconds().saturatingAdding(latency.saturatingMultiplied(by: 1000))
      server = try peer.server(feed: feed)
    } catch {
      Syscall.close(pair.task)
      Syscall.close(pair.peer)
      return .failure(error)
    }
    let job = nextJob
    nextJob += 1
    do {
      // The peer-side fd is the server's from here: closing it again here
      // could close a number the peer already closed and a newer fd now has.
      try server.submit(
        PeerJob(
          id: job, fd: pair.peer, resource: resource, answerAtNs: answerAt,
          behaviour: hangUp ? .hangUp : .answer))
    } catch {
      Syscall.close(pair.task)
      return .failure(error)
    }
    connections[pair.task] = Connection(resource: resource.name, job: job)
    return .success(pair.task)
  }

  public func watch(fd: Int32, interest: Interest) -> Result<Void, BackendError> {
    guard lifecycle == .open else {
      return .failure(BackendError("epoll_ctl(ADD, \(fd)): the backend has been shut down"))
    }
    let flags: UInt32 =
      interest == .read
      ? EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue : EPOLLOUT.rawValue | EPOLLET.rawValue
    do {
      try Syscall.epollCtl(
        epfd, .add, fd: fd, events: flags, data: Self.tag(fd: fd, interest: interest))
    } catch {
      return .failure(error)
    }
    if connections[fd] == nil { ownedFds.insert(fd) }
    return .success(())
  }

  /// Closes a watched fd. For a resource connection, the remote end is
  /// closed too, before this returns, if the peer still holds it (a request
  /// dropped by a timeout, a select, or the end of `main`): a dropped
  /// request holds no descriptor, however long its latency.
  public func close(fd: Int32) {
    guard lifecycle == .open else { return }
    let connection = connections.removeValue(forKey: fd)
    let isOwned = ownedFds.remove(fd) != nil
    // An fd never watched (watch failed) is not in the epoll set: no DEL.
    if isOwned || connection != nil {
      try? Syscall.epollCtl(epfd, .delete, fd: fd, events: 0, data: 0)
      Syscall.close(fd)
    }
    if let connection { peer.running?.cancel(job: connection.job) }
  }

  /// Remote ends still open (requests not yet answered, hung up or dropped);
  /// only tests read it (through `@testable import`), so it is not public API.
  var openPeerConnections: Int { peer.running?.openConnections ?? 0 }

  public func receive(fd: Int32) -> ReceiveResult {
    guard let resource = connections[fd]?.resource else {
      return .failed("read(\(fd)): not an open resource connection")
    }
    var chunk = (
      0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64, 0 as UInt64
    )
    while true {
      if let payload = WireFormat.decode(connections[fd]?.received ?? []) {
        return .data(String(decoding: payload, as: UTF8.self))
      }
      let r = withUnsafeMutableBytes(of: &chunk) { p in
        Result { () throws(BackendError) in try Syscall.read(fd, into: p) }
      }
      switch r {
      case .success(.wouldBlock):
        return .wouldBlock
      case .success(.done(0)):
        return .failed("read(\(fd)): the \(resource) server closed the connection without answering")
      case .success(.done(let n)):
        withUnsafeBytes(of: &chunk) {
          connections[fd]?.received.append(contentsOf: UnsafeRawBufferPointer(rebasing: $0[0..<n]))
        }
      case .failure(let error):
        return .failed(error.message)
      }
    }
  }

  /// Stops and joins the peer thread (which closes its ends), then closes
  /// every fd this backend holds. Safe to call more than once.
  public func shutdown() {
    guard lifecycle == .open else { return }
    lifecycle = .shutDown
    peer.stop()
    for fd in connections.keys { Syscall.close(fd) }
    connections.removeAll()
    for fd in ownedFds { Syscall.close(fd) }
    ownedFds.removeAll()
    Syscall.close(feed)
    Syscall.close(epfd)
  }

  /// The epoll data word of a registration: the fd, and the interest in bit 32.
  @inline(__always)
  static func tag(fd: Int32, interest: Interest) -> UInt64 {
    UInt64(UInt32(bitPattern: fd)) | (interest == .write ? 1 << 32 : 0)
  }

  /// Makes the kernel's fd table of this process cover 4,096 fds now, once.
  /// Growing it later, in a process with several threads, waits for an RCU
  /// grace period (often over 10 ms) inside whichever poll opened the fd
  /// that crossed 256, 512, 1,024...: a spurious long-poll lint. Tables
  /// never shrink, so this costs one stall at most, here and not in a poll.
  private static func growFdTable() {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
    let top = Int32(clamping: min(limit.rlim_cur, 4_096)) - 1
    let probe = fcntl(0, F_DUPFD_CLOEXEC, top)
    if probe >= 0 { Syscall.close(probe) }
  }

  /// Raises the soft open-file limit to the hard one (at most 65,536), as the
  /// Go runtime does: each concurrent request holds two fds until answered, and
  /// a soft limit of 1,024 would fail a thousand concurrent requests with EMFILE.
  private static func raiseOpenFileLimit() {
    var limit = rlimit()
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    guard getrlimit(resource, &limit) == 0 else { return }
    let wanted = min(limit.rlim_max, 65_536)
    if limit.rlim_cur < wanted {
      limit.rlim_cur = wanted
      _ = setrlimit(resource, &limit)
    }
  }
}
