import AsyncVizTrace

/// The reactor: the interest list, the timer queue and the backend it waits on.
///
/// It never polls anything. A turn asks the backend which fds are ready and
/// which timers are due, and hands back the wakers to wake; the executor does
/// the waking, so both backends share every line of this logic.
struct Reactor: ~Copyable {
  /// One entry of the interest list.
  struct Registration {
    /// The task whose future registered the fd.
    var task: TaskID
    /// What readiness it waits for.
    var interest: Interest
    /// The stored waker; nil once woken (until the future stores a new one).
    var waker: Waker?
  }

  /// The kernel side (sim or epoll).
  let backend: any ReactorBackend
  /// fd -> registration; an fd is here from `register` to `deregister`.
  var interest = InterestList()
  /// Armed timers.
  var timers = TimerQueue()
  /// The ready list of the last wait (refilled by each).
  var ready = ReadyList()

  init(backend: any ReactorBackend) { self.backend = backend }

  /// True when nothing registered could ever wake a task.
  var isIdle: Bool { interest.isEmpty && timers.armedCount == 0 }

  /// The wait timeout the next turn will use: time to the next timer, or nil.
  @inline(__always)
  mutating func nextTimeout(now: Int64) -> Int64? {
    guard timers.armedCount > 0, let deadline = timers.nextDeadline() else { return nil }
    return max(0, deadline - now)
  }
}
