import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace

/// One end of the ping-pong benchmark, as a native future over an fd the
/// program owns: registered for read once (edge-triggered), then re-armed
/// after each drained read, the way mio/tokio drive a socket.
///
/// The pinger sends a byte and counts a round trip per echo until `rounds`;
/// the ponger echoes every byte and finishes when the pinger closes its end.
struct PingPong: Future {
  /// Which end this is.
  enum Role {
    case pinger(rounds: Int)
    case ponger
  }

  /// `idle -> exchanging -> finished`.
  enum State {
    case idle
    case exchanging
    case finished
  }

  /// The socket end this task owns; the backend closes it at deregister.
  let fd: Int32
  /// Pinger or ponger, fixed for the future's life.
  let role: Role
  /// Only moves forward.
  private var state = State.idle
  /// Round trips completed (pinger) or bytes echoed (ponger).
  private var count = 0
  /// The read buffer (64 bytes): a read shorter than it drained the socket.
  private var buffer = (
    UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
  )

  init(fd: Int32, role: Role) {
    self.fd = fd
    self.role = role
  }

  mutating func poll(_ cx: inout Context) -> Poll<Int> {
    do {
      switch state {
      case .finished:
        return .ready(count)
      case .idle:
        if case .failure(let error) = cx.register(fd: fd, interest: .read) { throw error }
        state = .exchanging
        if case .pinger = role { try send(1) }
      case .exchanging:
        if try exchange() { return finish(&cx) }
      }
    } catch {
      print("ping-pong on fd \(fd): \(error)")
      return finish(&cx)
    }
    cx.rearm(fd: fd)
    return .pending
  }

  /// Reads until the socket is drained, answering each read; true when done.
  private mutating func exchange() throws(BackendError) -> Bool {
    while true {
      let fd = self.fd
      let r = try withUnsafeMutableBytes(of: &buffer) { (p) throws(BackendError) in
        try Syscall.read(fd, into: p)
      }
      guard case .done(let n) = r else { return false }
      if n == 0 { return true }  // the other end closed
      count += n
      switch role {
      case .pinger(let rounds):
        if count >= rounds { return true }
        try send(1)
      case .ponger:
        try send(n)
      }
      if n < MemoryLayout.size(ofValue: buffer) { return false }
    }
  }

  private mutating func send(_ n: Int) throws(BackendError) {
    let fd = self.fd
    let r = try withUnsafeBytes(of: &buffer) { (p) throws(BackendError) in
      try Syscall.write(fd, from: UnsafeRawBufferPointer(rebasing: p[0..<n]))
    }
    guard case .done(n) = r else { throw BackendError("write(\(fd)): short write") }
  }

  private mutating func finish(_ cx: inout Context) -> Poll<Int> {
    state = .finished
    cx.deregister(fd: fd)
    return .ready(count)
  }
}
