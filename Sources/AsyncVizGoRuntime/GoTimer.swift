import AsyncVizTrace

/// A timer on a P's timer heap (`p.timers`, runtime/time.go): `time.Sleep`'s
/// or `time.After`'s, with the function it runs when due (`goroutineReady`,
/// `sendTime`). Each P's heap is ordered by `when`; two timers with the same
/// `when` run in the order they were added (Go's 4-ary heap does not promise
/// that; the model's programs avoid equal `when`s in real Go, where
/// nanotime() differs between two calls anyway).
struct GoTimer {
  /// Whom the timer is for (in the trace).
  var task: TaskID
  /// What it does when due.
  var fire: () -> Void
}
