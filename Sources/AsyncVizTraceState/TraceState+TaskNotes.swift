import AsyncVizTrace

/// Notes about tasks: queueing, polls, wakes, lints.
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
    if s.brief {
      s.text("The executor polls ")
      s.label(task, in: trace)
      guard t.polls > 0 else {
        s.text(" for the first time")
        return
      }
      s.text(" again (poll ")
      s.number(Int64(t.polls) + 1)
      s.text(")")
      writeResumePoint(t, at: ", resuming at line ", in: trace, into: &s)
      return
    }
    s.text("The executor takes ")
    s.label(task, in: trace)
    if t.polls == 0 {
      s.text(" from the front of the run queue and polls it for the first time: its future starts running.")
      return
    }
    s.text(" from the front of the run queue and polls it again (poll ")
    s.number(Int64(t.polls) + 1)
    s.text("): it resumes where it returned Pending")
    writeResumePoint(t, at: ", at line ", in: trace, into: &s)
    s.text(".")
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

  func noteWake<S: NoteSink & ~Copyable>(
    _ task: TaskID, by: WakeSource, fd: Int32?, from: TaskID?, in trace: Trace, into s: inout S
  ) {
    switch by {
    case .reactor:
      s.text("The reactor wakes ")
      s.label(task, in: trace)
      if let fd {
        s.text(s.brief ? " (fd " : ", whose waker it held for fd ")
        s.number(Int64(fd))
      }
      s.text(s.brief ? (fd == nil ? "" : ")") : ".")
    case .timer:
      s.text("The timer queue wakes ")
      s.label(task, in: trace)
      if !s.brief { s.text(": its deadline has passed.") }
    case .task:
      noteTaskWake(task, from: from, in: trace, into: &s)
    case .own:
      s.label(task, in: trace)
      s.text(
        s.brief
          ? " wakes itself during its poll"
          : " wakes its own waker during its poll: it asks to be polled again.")
    case .deferred:
      if s.brief {
        s.text("The scheduler wakes the deferred yield_now waker of ")
        s.label(task, in: trace)
      } else {
        s.text("After the driver turn, the scheduler wakes the waker that yield_now left in its defer list")
        s.text(" for ")
        s.label(task, in: trace)
        s.text(".")
      }
    }
    let t = info(task)
    if s.brief {
      if t.status.isOver {
        s.text(" (it has ended: ignored)")
      } else if t.queued {
        s.text(" (already queued)")
      }
      return
    }
    if t.status.isOver {
      s.text(" It has already ended, so the wake is ignored.")
    } else if t.queued {
      s.text(" It is already in the run queue, so it is not queued twice.")
    }
  }

  /// For a channel wait: what the peer that wakes the task did, and what the
  /// task was waiting to do.
  private static func channelPeer(_ awaiting: Awaited) -> (did: StaticString, waiting: StaticString)? {
    switch awaiting {
    case .channelRecv: (" sent a value, so it wakes ", ", which was waiting to receive (")
    case .channelSend: (" took a value and made room, so it wakes ", ", which was waiting to send (")
    default: nil
    }
  }

  private func noteTaskWake<S: NoteSink & ~Copyable>(
    _ task: TaskID, from: TaskID?, in trace: Trace, into s: inout S
  ) {
    guard let from else {
      s.text("Another task wakes ")
      s.label(task, in: trace)
      if !s.brief { s.text(".") }
      return
    }
    let awaiting = info(task).awaiting
    s.label(from, in: trace)
    if s.brief {
      s.text(self.task(from)?.status == .done ? " has finished: it wakes " : " wakes ")
      s.label(task, in: trace)
      return
    }
    if self.task(from)?.status == .done {
      s.text(" has finished, so it wakes ")
      s.label(task, in: trace)
      s.text(", which was waiting for it.")
    } else if let peer = Self.channelPeer(awaiting) {
      s.text(peer.did)
      s.label(task, in: trace)
      s.text(peer.waiting)
      s.string(awaiting.phrase(in: trace))
      s.text(").")
    } else {
      s.text(" wakes ")
      s.label(task, in: trace)
      s.text(", whose waker it held.")
    }
  }

  /// `previous` is the event before: a clone right after the task's register is the reactor's.
  func noteWakerClone<S: NoteSink & ~Copyable>(
    _ task: TaskID, after previous: EventPayload?, in trace: Trace, into s: inout S
  ) {
    if case .register(let owner, let fd, _) = previous, owner == task {
      s.text("The reactor stores a clone of ")
      s.label(task, in: trace)
      s.text("'s waker with fd ")
      s.number(Int64(fd))
      s.text(": when the fd is ready, that waker puts the task back in the run queue.")
      return
    }
    s.text("A clone of ")
    s.label(task, in: trace)
    s.text("'s waker is stored with what it waits on (")
    count(Int(info(task).wakersHeld) + 1, "stored waker", "stored wakers", into: &s)
    s.text(" now): calling wake on it will queue the task again.")
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
