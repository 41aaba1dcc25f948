import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Glibc
import Testing

extension EpollTests {
  @Test func anEmptyNonBlockingSocketWouldBlockAndThenReadsWhatWasWritten() throws {
    let (a, b) = try Syscall.socketPair()
    defer {
      Syscall.close(a)
      Syscall.close(b)
    }
    var buffer = [UInt8](repeating: 0, count: 8)
    let empty = try buffer.withUnsafeMutableBytes { try Syscall.read(a, into: $0) }
    #expect(empty == .wouldBlock)
    let wrote = try [UInt8]([7, 8]).withUnsafeBytes { try Syscall.write(b, from: $0) }
    #expect(wrote == .done(2))
    let got = try buffer.withUnsafeMutableBytes { try Syscall.read(a, into: $0) }
    #expect(got == .done(2))
    #expect(buffer.prefix(2) == [7, 8])
    Syscall.close(b)
    let eof = try buffer.withUnsafeMutableBytes { try Syscall.read(a, into: $0) }
    #expect(eof == .done(0))
  }

  @Test func errorsNameTheCallTheFdAndTheErrno() throws {
    var buffer = [UInt8](repeating: 0, count: 8)
    #expect(throws: BackendError("read(-1): Bad file descriptor (errno 9)")) {
      try buffer.withUnsafeMutableBytes { try Syscall.read(-1, into: $0) }
    }
    let epfd = try Syscall.epollCreate()
    defer { Syscall.close(epfd) }
    #expect(throws: BackendError("epoll_ctl(ADD, 9999): Bad file descriptor (errno 9)")) {
      try Syscall.epollCtl(epfd, .add, fd: 9999, events: 1 /* EPOLLIN */, data: 0)
    }
  }

  @Test func sendingToAClosedPeerFailsWithEPIPEInsteadOfKillingTheProcess() throws {
    let (a, b) = try Syscall.socketPair()
    Syscall.close(b)
    defer { Syscall.close(a) }
    #expect(throws: BackendError("send(\(a)): Broken pipe (errno 32)")) {
      try Syscall.sendAll(a, [1, 2, 3])
    }
  }

  @Test(arguments: [WaitPrecision.nanoseconds, .milliseconds])
  func aTimedWaitNeverReturnsEarlyAndReportsNothing(_ precision: WaitPrecision) throws {
    let backend = try EpollBackend(precision: precision)
    #expect(backend.precision == precision)
    for timeout: Int64 in [0, 1, 1_500, 3_000] {
      let start = backend.now
      #expect(backend.wait(timeoutUs: timeout).isEmpty)
      #expect(backend.now - start >= timeout)
    }
    // One kernel call per wait, and no probe call before them.
    #expect(backend.waitCounts.calls == 4)
  }

  @Test func theMillisecondFallbackGivesTheSameLogicalTrace() throws {
    let name = "timers-and-yields"
    let sim = LogicalEvents(Scenarios.run(name, Scenarios.steps(of: name), on: SimBackend()))
    let epoll = try RealTime.agreeing(with: sim) { () throws(BackendError) in
      LogicalEvents(
        Scenarios.run(name, Scenarios.steps(of: name), on: try EpollBackend(precision: .milliseconds)))
    }
    #expect(sim == epoll)
  }

  @Test func watchReportsEachEdgeOnceAndCloseRemovesTheFd() throws {
    let backend = try EpollBackend()
    let (mine, other) = try Syscall.socketPair()
    defer { Syscall.close(other) }
    guard case .success = backend.watch(fd: mine, interest: .read) else {
      Issue.record("watch failed")
      return
    }
    try Syscall.sendAll(other, [1])
    #expect(backend.wait(timeoutUs: 100_000) == [ReadyFd(fd: mine, readiness: .read)])
    // Edge-triggered: the unread byte is not reported again.
    #expect(backend.wait(timeoutUs: 1_000).isEmpty)
    try Syscall.sendAll(other, [2])
    #expect(backend.wait(timeoutUs: 100_000) == [ReadyFd(fd: mine, readiness: .read)])
    backend.close(fd: mine)
    #expect(fcntl(mine, F_GETFD) == -1)  // closed by the backend
    #expect(backend.receive(fd: mine) == .failed("read(\(mine)): not an open resource connection"))
  }

  @Test func aResourceConnectionCarriesTheRequestAndTheSimsReply() throws {
    let backend = try EpollBackend()
    let db = ResourceSpec(name: "db", latencyUs: 2_000)
    guard case .success(let fd) = backend.connect(resource: db, op: "query", argument: "id = 1") else {
      Issue.record("connect failed")
      return
    }
    #expect(backend.receive(fd: fd) == .wouldBlock)
    guard case .success = backend.watch(fd: fd, interest: .read) else {
      Issue.record("watch failed")
      return
    }
    let ready = backend.wait(timeoutUs: nil)
    #expect(ready == [ReadyFd(fd: fd, readiness: .read)])
    #expect(backend.now >= 2_000)
    // The peer closes right after answering: a second edge (EPOLLRDHUP),
    // which the kernel reports in a later wait unless it happened before the
    // first wait collected its events. The backend passes on what it got.
    Syscall.sleep(nanoseconds: 5_000_000)
    let second = backend.wait(timeoutUs: 0)
    #expect(second.isEmpty || second == [ReadyFd(fd: fd, readiness: .read)])
    // Edge-triggered: the unread answer is not reported again.
    #expect(backend.wait(timeoutUs: 2_000).isEmpty)
    // One kernel call per wait.
    #expect(backend.waitCounts.calls == 3 && backend.waitCounts.completed == 3)
    #expect(backend.receive(fd: fd) == .data(db.reply(op: "query", argument: "id = 1")))
    backend.close(fd: fd)
  }
}
