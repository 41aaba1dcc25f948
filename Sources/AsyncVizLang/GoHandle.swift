import AsyncVizTrace

/// What `spawn` gives under the go model: the translation's `Handle`, a
/// result and a `done` channel closed when the goroutine returns.
final class GoHandle {
  var task = TaskID(0)
  private(set) var value: Value?
  /// Goroutines parked in `<-done`, in the order they came.
  private var waiters: [Goroutine] = []

  /// `<-h.done; return h.value`: the value, or nil after parking `g`.
  func wait(_ g: Goroutine, line: Int32) -> Value? {
    if let value { return value }
    waiters.append(g)
    g.host.sched.park(.chanReceive, line: line)
    return nil
  }

  /// `h.value = v; close(h.done)`: `closechan` readies every waiter, the last
  /// to come first (it gathers them on a gList, which pops in reverse), each
  /// into the closer's runnext.
  func close(with v: Value, run: GoRun) {
    value = v
    let waiting = waiters
    waiters = []
    for g in waiting.reversed() {
      g.pending = v
      run.sched.ready(g.task)
    }
  }
}
