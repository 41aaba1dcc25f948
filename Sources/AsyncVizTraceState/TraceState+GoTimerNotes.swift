import AsyncVizTrace

/// The go model's timer notes: the Go call that arms a timer (time.Sleep,
/// time.After, a resource call's latency on sim) and checkTimers running it.
extension TraceState {
  /// What the timer is for, in the Go call that arms it: `time.Sleep(d)`,
  /// `time.After(d)` for timeout's timer, or (on sim) the resource call's
  /// latency. A trace written before the word says only that a timer is armed.
  func noteGoTimerSet<S: NoteSink & ~Copyable>(
    _ task: TaskID, for purpose: TimerPurpose?, due deadline: Int64, at now: Int64, in trace: Trace,
    into s: inout S
  ) {
    s.label(task, in: trace)
    let heap: StaticString = go.status(task) == .running ? "a timer on its P's heap" : "a timer"
    switch purpose {
    case .sleep:
      s.text(" calls time.Sleep(")
      goDuration(deadline - now, into: &s)
      s.text("), which arms ")
      s.text(heap)
      s.text(", due at ")
    case .timeout:
      s.text(" calls time.After(")
      goDuration(deadline - now, into: &s)
      s.text(") for timeout's timer: ")
      s.text(heap)
      s.text(" that will send on a one-slot channel the select also waits on, due at ")
    case .latency:
      s.text(" makes a resource call: on sim, ")
      s.text(heap)
      s.text(" stands in for the server's latency, due at ")
    case nil:
      s.text(" arms ")
      s.text(heap)
      s.text(", due at ")
    }
    s.instant(deadline)
    s.text(" (")
    s.duration(deadline - now)
    s.text(" from now).")
  }

  /// A duration as Go prints one: "50ms", "1500us" (`time.ParseDuration`
  /// reads both; Go's own String would print "1.5ms" for the second).
  private func goDuration<S: NoteSink & ~Copyable>(_ us: Int64, into s: inout S) {
    if us == 0 {
      s.text("0s")
    } else if us % 1000 == 0 {
      s.number(us / 1000)
      s.text("ms")
    } else {
      s.number(us)
      s.text("us")
    }
  }

  func noteGoTimerFire<S: NoteSink & ~Copyable>(
    _ task: TaskID, at i: Int, in trace: Trace, into s: inout S
  ) {
    // The task's earliest timer fires (the state's rule, ties in arming order).
    switch reactor.timers.first(where: { $0.task == task })?.purpose {
    case .sleep: s.text("checkTimers finds the time.Sleep timer of ")
    case .timeout: s.text("checkTimers finds the time.After timer of ")
    case .latency, nil: s.text("checkTimers finds the timer of ")
    }
    s.label(task, in: trace)
    s.text(" due and runs it")
    // Waiting in a select whose time.After is not this timer: the timer is
    // an earlier select's, which was decided already.
    // The earliest of its timers is its first in the queue (ordered by deadline).
    let deadline = reactor.timers.first { $0.task == task }?.deadlineUs ?? trace.events.time(at: i)
    let readied =
      go.status(task) != .waiting(.select) || races.isCurrentSelectTimer(of: task, deadline: deadline)
    if readied {
      if go.status(task) == .waiting(.ioWait) {
        s.text(" (on sim a timer stands in for the server's latency, so the reply is there)")
      }
      s.text(": its goroutine is readied into the P's runnext.")
    } else {
      // A time.After whose select was decided: the send finds no receiver.
      s.text(
        """
        : it sends on a time.After channel whose select was decided already, so the value stays in \
        the channel's one slot and nobody is readied (Go 1.19 keeps such a timer until it fires).
        """)
    }
  }
}
