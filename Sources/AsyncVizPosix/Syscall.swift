import AsyncVizRuntime
import CEpoll
import Glibc

/// The system calls the epoll backend makes, as in swift-nio's syscall layer:
/// every wrapper retries EINTR (a signal arrived, nothing went wrong), turns
/// EAGAIN / EWOULDBLOCK into `IOResult.wouldBlock`, and throws any other
/// failure as a `BackendError` naming the call, its fd and the errno text,
/// e.g. "epoll_ctl(ADD, 7): Bad file descriptor (errno 9)".
public enum Syscall {
  /// The message of a failed call: "NAME: strerror (errno N)".
  public static func describe(_ call: String, errno code: Int32) -> String {
    "\(call): \(String(cString: strerror(code))) (errno \(code))"
  }

  /// Runs `body` (which returns -1 and sets errno on failure) until it is not
  /// interrupted. `name` is only evaluated to build an error message.
  /// Inlinable, as `read` and `write` are: a future's reads and writes are
  /// then the libc calls themselves, not two calls and a closure's (about
  /// 35 instructions each, four per ping-pong round trip).
  @inlinable @inline(__always)
  static func retrying(
    _ name: @autoclosure () -> String, _ body: () -> Int
  ) throws(BackendError) -> IOResult<Int> {
    while true {
      let r = body()
      if r >= 0 { return .done(r) }
      let code = errno
      switch code {
      case EINTR: continue
      case EAGAIN, EWOULDBLOCK: return .wouldBlock
      default: throw BackendError(describe(name(), errno: code))
      }
    }
  }

  /// Like `retrying`, for calls that never legitimately return EAGAIN.
  @inline(__always)
  static func blocking(_ name: @autoclosure () -> String, _ body: () -> Int) throws(BackendError) -> Int {
    switch try retrying(name(), body) {
    case .done(let r): return r
    case .wouldBlock: throw BackendError(describe(name(), errno: EAGAIN))
    }
  }

  // MARK: creating fds

  /// `epoll_create1(EPOLL_CLOEXEC)`.
  public static func epollCreate() throws(BackendError) -> Int32 {
    Int32(try blocking("epoll_create1", { Int(epoll_create1(Int32(EPOLL_CLOEXEC))) }))
  }

  /// `eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)`: a counter another thread can be woken through.
  public static func eventFD() throws(BackendError) -> Int32 {
    Int32(try blocking("eventfd", { Int(eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))) }))
  }

  /// A connected, non-blocking, close-on-exec AF_UNIX stream pair.
  public static func socketPair() throws(BackendError) -> (Int32, Int32) {
    var fds: [Int32] = [-1, -1]
    let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    _ = try fds.withUnsafeMutableBufferPointer { (p) throws(BackendError) -> Int in
      try blocking("socketpair", { Int(Glibc.socketpair(AF_UNIX, type, 0, p.baseAddress)) })
    }
    return (fds[0], fds[1])
  }

  // MARK: epoll

  /// An `epoll_ctl` operation.
  public enum EpollOperation: Sendable {
    case add
    case delete

    var name: String { self == .add ? "ADD" : "DEL" }
    var code: Int32 { self == .add ? EPOLL_CTL_ADD : EPOLL_CTL_DEL }
  }

  /// `epoll_ctl(epfd, op, fd, {events, data})`.
  public static func epollCtl(
    _ epfd: Int32, _ op: EpollOperation, fd: Int32, events: UInt32, data: UInt64
  ) throws(BackendError) {
    var event = epoll_event(events: events, data: epoll_data_t(u64: data))
    _ = try blocking("epoll_ctl(\(op.name), \(fd))", { Int(epoll_ctl(epfd, op.code, fd, &event)) })
  }

  // MARK: reading and writing

  /// `read(fd, buffer)`: bytes read (0 is end of file), or would block.
  @inlinable @inline(__always)
  public static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(BackendError)
    -> IOResult<Int>
  {
    try retrying("read(\(fd))", { Glibc.read(fd, buffer.baseAddress, buffer.count) })
  }

  /// `write(fd, bytes)`: bytes written, or would block.
  @inlinable @inline(__always)
  public static func write(_ fd: Int32, from bytes: UnsafeRawBufferPointer) throws(BackendError) -> IOResult<
    Int
  > {
    try retrying("write(\(fd))", { Glibc.write(fd, bytes.baseAddress, bytes.count) })
  }

  /// `send(fd, bytes, MSG_NOSIGNAL)`: a write to a socket whose peer may be
  /// gone fails with EPIPE instead of killing the process with SIGPIPE.
  public static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(BackendError) -> IOResult<Int>
  {
    try retrying("send(\(fd))", { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) })
  }

  /// Sends all of `bytes`; throws if the socket buffer cannot take them at once.
  public static func sendAll(_ fd: Int32, _ bytes: [UInt8]) throws(BackendError) {
    var sent = 0
    while sent < bytes.count {
      let r = try bytes.withUnsafeBytes { p in
        Result { () throws(BackendError) in try send(fd, UnsafeRawBufferPointer(rebasing: p[sent...])) }
      }.get()
      guard case .done(let n) = r else {
        throw BackendError("send(\(fd)): the socket buffer is full after \(sent) of \(bytes.count) bytes")
      }
      sent += n
    }
  }

  /// Adds 1 to an eventfd's counter, waking whoever polls it.
  public static func signal(eventFD fd: Int32) throws(BackendError) {
    _ = try retrying("write(eventfd \(fd))", { Int(eventfd_write(fd, 1)) })
  }

  /// Resets an eventfd's counter to 0 (nothing to read is fine).
  public static func drain(eventFD fd: Int32) throws(BackendError) {
    var value: eventfd_t = 0
    _ = try retrying("read(eventfd \(fd))", { Int(eventfd_read(fd, &value)) })
  }

  /// `close(fd)`. Never retried: on Linux the fd is released even when close
  /// reports EINTR, and retrying could close a number another thread reused.
  public static func close(_ fd: Int32) {
    _ = Glibc.close(fd)
  }
}
