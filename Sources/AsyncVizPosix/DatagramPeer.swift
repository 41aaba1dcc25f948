import AsyncVizRuntime
import CEpoll
import Glibc
import HeapModule

/// The servers of a real threads-model run: one thread with one AF_UNIX
/// datagram socket answering every resource. Each program thread has a
/// socket of its own and makes each request the blocking way: `sendto` of
/// the request, then a `recv` that sleeps in the kernel until the reply
/// (`Client.call`). Datagram sockets, not a stream socketpair per request
/// as the epoll backend uses, so that 10,000 threads blocked at once hold
/// 10,000 descriptors, not 20,000 (the hard limit here is 20,000).
///
/// A request datagram is the resource's index (4 bytes, little-endian),
/// the op, a NUL byte and the argument; the answer is the reply text,
/// `ResourceSpec.reply(op:argument:)` as on every backend, written the
/// resource's latency after the request arrived.
public final class DatagramPeer: @unchecked Sendable {
  // @unchecked: the fields are set in init and never change; the peer
  // thread's own state lives in `serve`.
  private let fd: Int32
  private var address = sockaddr_un()
  private var addressLength = socklen_t(0)
  private let resources: [ResourceSpec]
  private var thread = pthread_t()

  /// Binds the server socket (to an abstract address the kernel picks) and
  /// starts its thread.
  public init(resources: [ResourceSpec]) throws(BackendError) {
    self.resources = resources
    fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw BackendError(Syscall.describe("socket", errno: errno)) }
    do throws(BackendError) {
      try Self.autobind(fd)
      addressLength = socklen_t(MemoryLayout<sockaddr_un>.size)
      let rc = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &addressLength) }
      }
      guard rc == 0 else { throw BackendError(Syscall.describe("getsockname", errno: errno)) }
      thread = try Syscall.startThread { self.serve() }
    } catch {
      Syscall.close(fd)
      throw error
    }
  }

  /// Binds `fd` to an abstract address of the kernel's choosing.
  static func autobind(_ fd: Int32) throws(BackendError) {
    var unbound = sockaddr_un()
    unbound.sun_family = sa_family_t(AF_UNIX)
    let rc = withUnsafePointer(to: &unbound) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sa_family_t>.size))
      }
    }
    guard rc == 0 else { throw BackendError(Syscall.describe("bind", errno: errno)) }
  }

  /// Stops the server (an empty datagram asks it to), joins its thread and closes its socket.
  public func stop() {
    if let client = try? Client(peer: self) {
      _ = client.send([])
      client.close()
    }
    pthread_join(thread, nil)
    Syscall.close(fd)
  }

  /// The server's loop: answers wait in a heap by deadline; it sleeps in
  /// poll until the next request or the next answer due.
  private func serve() {
    _ = cepoll_block_all_signals()
    _ = cepoll_set_timer_slack(1)
    var due = Heap<ScheduledAnswer<(address: sockaddr_un, length: socklen_t)>>()
    var order = 0
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      var now = Monotonic.nanoseconds()
      while let next = due.min, next.atNs <= now {
        let answer = due.removeMin()
        var to = answer.recipient.address
        _ = answer.bytes.withUnsafeBytes { bytes in
          withUnsafePointer(to: &to) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
              // MSG_DONTWAIT: a thread that is gone (its process ended the
              // run) must not stop the server.
              sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0, answer.recipient.length)
            }
          }
        }
        now = Monotonic.nanoseconds()
      }
      let timeoutMs = due.min.map { Int32(clamping: max(0, ($0.atNs - now + 999_999) / 1_000_000)) } ?? -1
      var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&pfd, 1, timeoutMs) > 0 else { continue }
      var from = sockaddr_un()
      var fromLength = socklen_t(MemoryLayout<sockaddr_un>.size)
      let n = buffer.withUnsafeMutableBytes { raw in
        withUnsafeMutablePointer(to: &from) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            recvfrom(fd, raw.baseAddress, raw.count, Int32(MSG_DONTWAIT), $0, &fromLength)
          }
        }
      }
      if n == 0 { return }  // the stop request
      guard n >= 4 else { continue }
      let index = Int(buffer[0]) | Int(buffer[1]) << 8 | Int(buffer[2]) << 16 | Int(buffer[3]) << 24
      guard index < resources.count, let nul = buffer[4..<n].firstIndex(of: 0) else { continue }
      let op = String(decoding: buffer[4..<nul], as: UTF8.self)
      let argument = String(decoding: buffer[(nul + 1)..<n], as: UTF8.self)
      let resource = resources[index]
      due.insert(
        ScheduledAnswer(
          atNs: Monotonic.nanoseconds() + resource.latencyUs * 1_000, order: order,
          recipient: (from, fromLength), bytes: Array(resource.reply(op: op, argument: argument).utf8)))
      order += 1
    }
  }

  /// One program thread's socket to the server.
  public struct Client: Sendable {
    public let fd: Int32
    private let peer: DatagramPeer

    /// A socket of its own, bound so that the server can answer it.
    public init(peer: DatagramPeer) throws(BackendError) {
      self.peer = peer
      fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
      guard fd >= 0 else { throw BackendError(Syscall.describe("socket", errno: errno)) }
      do {
        try DatagramPeer.autobind(fd)
      } catch {
        Syscall.close(fd)
        throw error
      }
    }

    /// Sends `bytes` to the server (blocking while its queue is full).
    func send(_ bytes: [UInt8]) -> Bool {
      var to = peer.address
      let length = peer.addressLength
      while true {
        let n = bytes.withUnsafeBytes { raw in
          withUnsafePointer(to: &to) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
              sendto(fd, raw.baseAddress, raw.count, 0, $0, length)
            }
          }
        }
        if n >= 0 { return true }
        if errno != EINTR { return false }
      }
    }

    /// `op(argument)` on resource `resource`, the blocking way: the reply
    /// text, or nil if the socket was shut down (the run ended) or failed.
    public func call(resource: Int, op: String, argument: String) -> String? {
      let r = UInt32(resource)
      var request: [UInt8] = [
        UInt8(r & 0xff), UInt8((r >> 8) & 0xff), UInt8((r >> 16) & 0xff), UInt8(r >> 24),
      ]
      request += Array(op.utf8) + [0] + Array(argument.utf8)
      guard send(request) else { return nil }
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 { return String(decoding: buffer[0..<n], as: UTF8.self) }
        if n == 0 || errno != EINTR { return nil }
      }
    }

    /// Wakes a thread blocked in `call` (its recv returns): the run is over.
    public func shutDown() { _ = Glibc.shutdown(fd, Int32(SHUT_RDWR)) }

    public func close() { Syscall.close(fd) }
  }
}
