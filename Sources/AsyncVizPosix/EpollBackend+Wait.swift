import AsyncVizRuntime
import AsyncVizTrace
import CEpoll
import Glibc

extension EpollBackend {
  /// Blocks in the kernel until a watched fd is ready or `timeoutUs` passes,
  /// and returns the ready fds in the order the kernel listed them.
  ///
  /// - A signal (EINTR) does not end the wait early: it resumes for the time
  ///   left, so a timer is never woken before its deadline.
  /// - An empty result means the timeout really elapsed (`now` is past it).
  /// - Answers due together are reported together: when the kernel reports
  ///   an answer, the wait also collects the answers of other watched
  ///   connections due within 0.25 ms (they are being written by the peer
  ///   thread right now). The sim reports answers due at the same virtual
  ///   moment in one list; without this, two requests sent in one poll would
  ///   reach the task in one wake or two depending on a thread race.
  public func wait(timeoutUs: Int64?) -> [ReadyFd] {
    ready.removeAll(keepingCapacity: true)
    guard lifecycle == .open else { return ready }
    let deadline = timeoutUs.map { Monotonic.nanoseconds() + max(0, $0) * 1000 }
    do {
      repeat {
        try collect(until: deadline)
      } while ready.isEmpty && deadline.map({ Monotonic.nanoseconds() < $0 }) ?? true
      if !ready.isEmpty && !expected.isEmpty { try collectAnswersDueNow() }
    } catch {
      if failure == nil { failure = error }
    }
    return ready
  }

  /// One kernel wait; appends what it reports to `ready`.
  private func collect(until deadlineNs: Int64?) throws(BackendError) {
    let n = try Syscall.epollWait(
      epfd, into: events, deadlineNs: deadlineNs, precision: precision, interrupted: &interruptedWaits)
    for i in 0..<n {
      let data = events[i].data.u64
      let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: data))
      ready.append(ReadyFd(fd: fd, readiness: data >> 32 == 0 ? .read : .write))
      if !connections.isEmpty, connections[fd] != nil { connections[fd]?.phase = .reported }
    }
  }

  /// Waits for the answers due within the coalescing window that the kernel
  /// has not reported yet. Bounded: each answer is awaited at most 2 ms past
  /// its deadline (a peer that is late is left to the next wait).
  private func collectAnswersDueNow() throws(BackendError) {
    while let next = nextUnreportedAnswer() {
      let now = Monotonic.nanoseconds()
      guard next.atNs <= now + Self.coalesceWindowNs else { return }
      let before = ready.count
      try collect(until: max(next.atNs, now) + 2_000_000)
      if ready.count == before { return }
    }
  }

  /// The earliest expected answer of a watched connection not yet reported;
  /// drops entries of connections closed or already reported.
  private func nextUnreportedAnswer() -> ExpectedAnswer? {
    while let top = expected.min {
      if let c = connections[top.fd], c.serial == top.serial, c.phase == .watched { return top }
      _ = expected.removeMin()
    }
    return nil
  }
}
