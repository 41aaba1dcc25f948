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
  /// - Answers due together are reported together, as the sim reports the
  ///   answers due at one virtual moment in one list. When the kernel reports
  ///   an answer, the wait also waits for the rest of its `AnswerGroup`
  ///   (requests sent in the same burst of polls to resources of the same
  ///   latency: a few microseconds to milliseconds apart in real time, at the
  ///   same virtual time in the sim), and for any other answer due within
  ///   0.25 ms. Otherwise a thread race would decide whether a task sees them
  ///   in one wake or several. Every fd returned was reported by the kernel.
  /// - A connection is reported once per answer: the peer's close right
  ///   after the answer is a second edge, and is not listed again.
  public func wait(timeoutUs: Int64?) -> [ReadyFd] {
    ready.removeAll(keepingCapacity: true)
    guard lifecycle == .open else { return ready }
    defer { burst += 1 }
    let deadline = timeoutUs.map { Monotonic.nanoseconds() + max(0, $0) * 1000 }
    var groups: Set<AnswerGroup> = []
    do {
      repeat {
        try collect(until: deadline, groups: &groups)
      } while ready.isEmpty && deadline.map({ Monotonic.nanoseconds() < $0 }) ?? true
      if !ready.isEmpty && !connections.isEmpty { try collectAnswersDueWith(&groups) }
    } catch {
      if failure == nil { failure = error }
    }
    return ready
  }

  /// One kernel wait; appends what it reports to `ready`, notes the answer
  /// groups it reported, and returns how many events the kernel gave.
  @discardableResult
  private func collect(until deadlineNs: Int64?, groups: inout Set<AnswerGroup>) throws(BackendError) -> Int {
    let n = try Syscall.epollWait(
      epfd, into: events, deadlineNs: deadlineNs, precision: precision, interrupted: &interruptedWaits)
    for i in 0..<n {
      let data = events[i].data.u64
      let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: data))
      if !connections.isEmpty {
        switch connections.reported(fd) {
        case .duplicate: continue
        case .new(let group): groups.insert(group)
        case .other: break
        }
      }
      ready.append(ReadyFd(fd: fd, readiness: data >> 32 == 0 ? .read : .write))
    }
    return n
  }

  /// Waits for the unreported members of the groups already reported, then
  /// for answers due within the window. Bounded: a group's answers are
  /// awaited at most 100 ms past the last one's deadline, a window answer
  /// 2 ms past its own (a peer that late is left to the next wait).
  private func collectAnswersDueWith(_ groups: inout Set<AnswerGroup>) throws(BackendError) {
    while true {
      let got: Int
      if let latest = groups.lazy.compactMap({ self.connections.latestOutstanding(in: $0) }).max() {
        got = try collect(until: latest + 100_000_000, groups: &groups)
      } else if let next = connections.nextUnreported(),
        next.atNs <= Monotonic.nanoseconds() + Self.coalesceWindowNs
      {
        got = try collect(until: max(next.atNs, Monotonic.nanoseconds()) + 2_000_000, groups: &groups)
      } else {
        return
      }
      if got == 0 { return }
    }
  }
}
