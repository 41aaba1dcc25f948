import AsyncVizRuntime
import AsyncVizTrace
import CEpoll
import Glibc

extension EpollBackend {
  /// Makes exactly one kernel wait (`epoll_pwait2` for a timeout with time
  /// left, else `epoll_wait`) and returns the ready fds in the order the kernel
  /// listed them: nothing added, nothing left out, nothing reordered. The
  /// trace's `reactor_wait` and `reactor_ready` events are therefore what
  /// `strace` shows (docs/epoll-backend.md).
  ///
  /// - A signal (EINTR) does not end the wait early: the call is repeated
  ///   for the time left, so a timer is never woken before its deadline.
  ///   Those repeats are the only extra calls (`interruptedWaits` counts them).
  /// - An empty result means the timeout really elapsed (`now` is past it).
  /// - Answers the sim reports at one virtual moment can arrive here in one
  ///   list or in several: the peer writes every answer due when it wakes,
  ///   but the executor may wake between two of those writes.
  public func wait(timeoutUs: Int64?) -> [ReadyFd] {
    var ready = ReadyList(capacity: 8)
    wait(timeoutUs: timeoutUs, into: &ready)
    return ready.elements
  }

  /// The same wait, into the reactor's own list: the runtime's path, which
  /// allocates nothing and checks no array's uniqueness.
  public func wait(timeoutUs: Int64?, into ready: inout ReadyList) {
    ready.removeAll()
    guard lifecycle == .open else { return }
    do {
      // The wait without a timeout (every blocking turn with no timer
      // armed) is inlined here with its `nil` deadline folded away; the
      // timed one, which needs a timespec on the stack, is out of line.
      let n =
        try timeoutUs == nil
        ? Syscall.epollWait(epfd, into: events, deadlineNs: nil, precision: &precision, counts: &waitCounts)
        : timedWait(timeoutUs ?? 0)
      for i in 0..<n {
        let data = events[i].data.u64
        let fd = Int32(bitPattern: UInt32(truncatingIfNeeded: data))
        ready.append(ReadyFd(fd: fd, readiness: data >> 32 == 0 ? .read : .write))
      }
    } catch {
      if failure == nil { failure = error }
    }
  }

  /// The wait until `timeoutUs` from now (0: return at once).
  @inline(never)
  private func timedWait(_ timeoutUs: Int64) throws(BackendError) -> Int {
    let deadline = Monotonic.nanoseconds().saturatingAdding(max(0, timeoutUs).saturatingMultiplied(by: 1000))
    return try Syscall.epollWait(
      epfd, into: events, deadlineNs: deadline, precision: &precision, counts: &waitCounts)
  }
}
