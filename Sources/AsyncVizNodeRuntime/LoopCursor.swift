/// Where Node's event loop is between two steps: the phase of libuv's turn
/// (`uv_run`, src/unix/core.c) whose callbacks are being run.
///
/// Transitions: `start -> timers` (main is the first macrotask, a timer
/// callback at 0 ms); `timers -> poll` (no timer due by the turn's time);
/// `poll -> pollCallbacks -> check` (after epoll_wait, its ready fds' callbacks); `check -> close` (the immediates
/// queued before the phase have run); `close -> timers` (the next turn, with
/// the loop time updated). Between any two macrotasks every microtask runs
/// first, whatever the cursor.
enum LoopCursor: Equatable {
  /// main has not been called yet.
  case start
  /// Running the timers due by `dueBy`, the loop time at the turn's start
  /// (Node's processTimers runs against that `now`, lib/internal/timers.js).
  case timers(dueBy: Int64)
  /// About to compute the poll timeout and wait (pending and idle/prepare
  /// have nothing in this model).
  case poll
  /// Running the callbacks of the fds the poll phase's epoll_wait reported.
  case pollCallbacks
  /// Running this check phase's immediates; `left` of them remain.
  case check(left: Int)
  /// The close phase (no handle is ever closed here), then the next turn.
  case close
}
