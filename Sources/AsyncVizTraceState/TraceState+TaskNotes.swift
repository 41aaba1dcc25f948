import AsyncVizTrace

/// Notes about tasks: queueing, polls, completion, lints (wakes: TraceState+WakeNotes.swift).
extension TraceState {
  func noteSchedule<S: NoteSink & ~Copyable>(
    _ task: TaskID, cause: ScheduleCause, position: Int32, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    if s.brief {
      if position == 0 {
        s.text(
          cause == .spawn ? " is block_on's own future: polled first" : " (block_on's future) is ready again")
        return
      }
      s.text(cause == .wake ? " is ready again: run queue position " : " is ready: run queue position ")
      s.number(Int64(position))
      return
    }
    if position == 0 {
      if cause == .spawn {
        s.text(
          """
           is the future given to block_on, not a task in the run queue: block_on polls it first, at the \
          top of its loop.
          """)
      } else {
        s.text(
          """
           is ready again. It is block_on's own future, not a task in the run queue: block_on notices the \
          wake at the top of its next loop iteration (when the run queue is empty, or after 61 task polls, \
          tokio's event_interval) and polls it then.
          """)
      }
    } else if cause == .wake && info(task).status == .polling {
      s.text(" goes to the back of the run queue (position ")
      s.number(Int64(position))
      if position == 1 {
        s.text(") while it is still being polled: no other task is ready, so it runs again next.")
      } else {
        s.text(") while it is still being polled: it will run again after the tasks ahead of it.")
      }
    } else if position == 1 {
      s.text(cause == .wake ? " is ready again" : " is ready")
      s.text(": it goes into the empty run queue (position 1) and is next to be polled.")
    } else {
      s.text(cause == .wake ? " is ready again: it goes" : " goes")
      s.text(" to the back of the run queue (position ")
      s.number(Int64(position))
      s.text(").")
    }
  }

  func notePollStart<S: NoteSink & ~Copyable>(_ task: TaskID, in trace: Trace, into s: inout S) {
    let t = info(task)
    if task == blockOnTask {
      s.text("block_on polls ")
      s.label(task, in: trace)
      if !s.brief { s.text(", its own future (not taken from the run queue)") }
      if t.polls > 0 {
        s.text(s.brief ? " again (poll " : ", again (poll ")
        s.number(Int64(t.polls) + 1)
        s.text(")")
      }
      if !s.brief { s.text(".") }
      return
    }
    s.text(s.brief ? "The executor polls " : "The executor takes ")
    s.label(task, in: trace)
    if t.polls == 0 {
      s.text(
        s.brief
          ? " for the first time"
          : " from the front of the run queue and polls it for the first time: its future starts running.")
      return
    }
    s.text(s.brief ? " again (poll " : " from the front of the run queue and polls it again (poll ")
    s.number(Int64(t.polls) + 1)
    s.text(s.brief ? ")" : "): it resumes where it returned Pending")
    writeResumePoint(t, at: s.brief ? ", resuming at line " : ", at line ", in: trace, into: &s)
    if !s.brief { s.text(".") }
  }

  /// ", at line 14 (db.query)": where a polled task resumes, as far as the
  /// state knows it (the full and the short note say it alike).
  private func writeResumePoint<S: NoteSink & ~Copyable>(
    _ t: TaskInfo, at lead: StaticString, in trace: Trace, into s: inout S
  ) {
    if t.line != 0 {
      s.text(lead)
      s.number(Int64(t.line))
    }
    let awaiting = t.awaiting.phrase(in: trace)
    if !awaiting.isEmpty {
      s.text(" (")
      s.string(awaiting)
      s.text(")")
    }
  }

  func notePollReady<S: NoteSink & ~Copyable>(_ task: TaskID, at now: Int64, in trace: Trace, into s: inout S)
  {
    s.label(task, in: trace)
    s.text(s.brief ? " returned Ready" : " returned Ready: its future has finished")
    let t = info(task)
    let ran = t.status == .polling ? now - t.sinceUs : 0
    if ran > 0 {
      s.text(" (this poll ran for ")
      s.duration(ran)
      s.text(")")
    }
    if !s.brief { s.text(".") }
  }

  /// " (2 other tasks alive)", or `none` when this was the last live task.
  func writeOthersAlive<S: NoteSink & ~Copyable>(ifNone none: StaticString, into s: inout S) {
    let others = liveCount - 1
    guard others > 0 else {
      s.text(none)
      return
    }
    s.text(" (")
    count(others, "other task alive", "other tasks alive", into: &s)
    s.text(")")
  }

  func noteComplete<S: NoteSink & ~Copyable>(_ task: TaskID, in trace: Trace, into s: inout S) {
    s.label(task, in: trace)
    s.text(" is done")
    let others = liveCount - 1
    if s.brief {
      writeOthersAlive(ifNone: " (the last live task)", into: &s)
      return
    }
    if others <= 0 {
      s.text(": it was the last live task.")
    } else {
      s.text("; ")
      count(others, "other task is", "other tasks are", into: &s)
      s.text(" still alive.")
    }
  }

  func noteLint<S: NoteSink & ~Copyable>(
    _ task: TaskID, code: LintCode, detail: String, in trace: Trace, into s: inout S
  ) {
    s.text("Lint ")
    s.text(code.word)
    if s.brief {
      s.text(" on ")
      s.label(task, in: trace)
      s.text(" (z: why, and the fix)")
      return
    }
    if !code.isTokioConsoleLint { s.text(" (asyncviz's own lint, not one of tokio-console's)") }
    s.text(" on ")
    s.label(task, in: trace)
    s.text(": ")
    s.string(detail)
    if !detail.hasSuffix(".") { s.text(".") }
    switch code {
    case .lostWaker:
      s.text(
        """
         The bug: a leaf future returned Pending without storing its waker anywhere. The fix: store a \
        clone of the waker with whatever will complete the future (the reactor, a timer, a channel), \
        and wake it when progress is possible.
        """)
    case .selfWake:
      s.text(
        """
         The task keeps waking itself, so it is polled again and again without real progress (busy \
        polling). If it waits for an event, store the waker with the \
        event source and return Pending instead. Yielding is right only after a real chunk of work \
        (about a tenth of the long-poll threshold), which this lint does not count.
        """)
    case .longPoll, .neverYielded:
      s.text(
        """
         While one poll runs, no other task on this executor can run. The fix: move blocking or heavy \
        work off the executor (tokio's spawn_blocking), or yield inside long loops after each chunk of \
        work (about a tenth of the threshold), not at every iteration, which would be busy polling.
        """)
    }
  }
}
