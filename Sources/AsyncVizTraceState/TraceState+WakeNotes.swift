import AsyncVizTrace

/// The notes of wakes: who woke a task (the reactor, a timer, another task,
/// itself) and what that does to it, and the waker clones that make a wake
/// possible later.
extension TraceState {
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
}
