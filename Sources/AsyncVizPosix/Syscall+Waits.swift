import AsyncVizRuntime
import CEpoll
import Glibc

/// How precisely the kernel's wait call takes its timeout.
public enum WaitPrecision: Sendable {
  /// `epoll_pwait2` with a timespec (Linux 5.11+).
  case nanoseconds
  /// `epoll_wait` with whole milliseconds, rounded up so a timer is never
  /// woken early (kernels without epoll_pwait2, or seccomp filters refusing it).
  case milliseconds
}

/// The wait system calls a backend has made, counted by `Syscall.epollWait`.
public struct WaitCounts: Sendable, Equatable {
  /// Every epoll_pwait2 / epoll_wait call, failed ones included.
  public var calls = 0
  /// Calls that a signal interrupted (EINTR); each was made again.
  public var interrupted = 0
  /// epoll_pwait2 calls refused with ENOSYS (at most one), made again as epoll_wait.
  public var unsupported = 0

  /// The calls that returned a ready list: one per `wait`, so one per reactor turn.
  public var completed: Int { calls - interrupted - unsupported }
}

/// The blocking calls. A signal interrupts them with EINTR; they wait again
/// for the time left until their deadline, so an interruption neither ends a
/// wait early nor stretches it.
extension Syscall {
  /// Waits on `epfd` until an event or `deadlineNs` (CLOCK_MONOTONIC; nil:
  /// no limit) and returns how many events were written to `events`. One
  /// call, repeated only after EINTR (for the time left) or, once per
  /// backend, after ENOSYS from epoll_pwait2 (then `precision` becomes
  /// `.milliseconds` and the call is made as epoll_wait). `counts` records
  /// every call made, so a test can check the trace shows them all.
  ///
  /// Only a wait with time left needs epoll_pwait2's nanoseconds: one with
  /// no limit, or whose deadline has passed (a non-blocking turn), is the
  /// same call as epoll_wait with -1 or 0, and epoll_wait is cheaper in the
  /// kernel (about 80 ns a call here: epoll_pwait2 saves and restores the
  /// signal mask around the wait even when given none), two calls per
  /// ping-pong round trip.
  public static func epollWait(
    _ epfd: Int32, into events: UnsafeMutableBufferPointer<epoll_event>, deadlineNs: Int64?,
    precision: inout WaitPrecision, counts: inout WaitCounts
  ) throws(BackendError) -> Int {
    let capacity = Int32(events.count)
    while true {
      let r: Int32
      var pwait2 = false
      if let deadline = deadlineNs {
        let left = max(0, deadline - Monotonic.nanoseconds())
        if left > 0 && precision == .nanoseconds {
          var ts = Monotonic.relative(nanoseconds: left)
          pwait2 = true
          r = epoll_pwait2(epfd, events.baseAddress, capacity, &ts, nil)
        } else {
          let ms = (left + 999_999) / 1_000_000
          r = epoll_wait(epfd, events.baseAddress, capacity, Int32(clamping: ms))
        }
      } else {
        r = epoll_wait(epfd, events.baseAddress, capacity, -1)
      }
      counts.calls += 1
      if r >= 0 { return Int(r) }
      let code = errno
      switch code {
      case EINTR:
        counts.interrupted += 1
      case ENOSYS where pwait2:
        counts.unsupported += 1
        precision = .milliseconds
      default:
        throw BackendError(describe(pwait2 ? "epoll_pwait2" : "epoll_wait", errno: code))
      }
    }
  }

  /// Waits until `fd` is readable or `deadlineNs` passes (nil: no limit);
  /// true when it is readable.
  public static func pollReadable(_ fd: Int32, deadlineNs: Int64?) throws(BackendError) -> Bool {
    var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
    // The timeout is recomputed on each try, so a retry after EINTR still
    // ends at the deadline.
    let r = try blocking("ppoll(\(fd))") {
      guard let deadline = deadlineNs else { return Int(ppoll(&entry, 1, nil, nil)) }
      var ts = Monotonic.relative(nanoseconds: deadline - Monotonic.nanoseconds())
      return Int(ppoll(&entry, 1, &ts, nil))
    }
    return r > 0
  }

  /// Sleeps the whole thread for `ns` nanoseconds, however many signals arrive.
  public static func sleep(nanoseconds ns: Int64) {
    var request = Monotonic.relative(nanoseconds: ns)
    var remaining = Glibc.timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR {
      request = remaining
    }
  }
}
