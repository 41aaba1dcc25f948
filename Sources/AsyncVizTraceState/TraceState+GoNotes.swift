import AsyncVizTrace

/// The narration of a go-model trace, in Go's words (goroutine, P, M,
/// runnext, run queue, park, ready, syscall, handoff, preempt), saying where
/// Go's rules differ from rust's (tokio current_thread).
extension TraceState {
  package func writeGoNote<S: NoteSink & ~Copyable>(
    forEvent i: Int, _ event: TraceEvent, in trace: Trace, into s: inout S
  ) {
    switch event.payload {
    case .spawn(let task, let parent):
      s.unitSpawn(task, by: parent, Self.goSpawn, in: trace)
    case .goRunqPut(let task, let p, let slot):
      noteGoQueued(task, p: p, slot: slot, in: trace, into: &s)
    case .goExecute(let task, let p, let m):
      noteGoExecute(task, p: p, m: m, in: trace, into: &s)
    case .goPark(let task, _, let reason):
      noteGoPark(task, reason: reason, in: trace, into: &s)
    case .goSyscall(let task, let m, let dur):
      s.label(task, in: trace)
      s.text(" enters a blocking system call for ")
      s.duration(dur)
      s.text(": its thread M")
      s.number(Int64(m))
      s.text(
        " stays in the kernel. Under rust this would stop the whole executor; Go's sysmon will hand the P to another thread."
      )
    case .goSyscallExit(let task, let m, let p):
      s.text("The system call of ")
      s.label(task, in: trace)
      s.text(" returns on M")
      s.number(Int64(m))
      if p >= 0 {
        s.text(": it gets P")
        s.number(Int64(p))
        s.text(" and runs on.")
      } else {
        s.text(": no P is free, so the goroutine goes to the global run queue and M")
        s.number(Int64(m))
        s.text(" parks.")
      }
    case .goHandoff(let p, let m):
      s.text("sysmon takes P")
      s.number(Int64(p))
      s.text(" from the thread blocked in the system call and hands it to M")
      s.number(Int64(m))
      s.text(m >= Int32(go.ms.count) ? " (a new thread)" : "")
      // The call it was taken from: the last syscall entered before this event.
      let call = trace.events[..<i].last { if case .goSyscall = $0.payload { true } else { false } }
      if case .goSyscall(let task, _, let dur)? = call?.payload {
        s.text(": block(")
        s.duration(dur)
        s.text(") of ")
        s.label(task, in: trace)
        s.text(" does not stop the other goroutines, the P was handed to another thread (under rust, every ")
        s.text("task would wait ")
        s.duration(dur)
        s.text(").")
      } else {
        s.text(
          ": the other goroutines go on, the P was handed to another thread (under rust, every task would wait)."
        )
      }
    case .goPreempt(let task, let p):
      s.text("sysmon preempts ")
      s.label(task, in: trace)
      s.text(" after ")
      s.duration(GoCosts.preemptAfterUs)
      s.text(" of CPU on P")
      s.number(Int64(p))
      s.text(
        ": it goes to the global run queue (rust never preempts: a task keeps the thread until its next await)."
      )
    case .goIdle(let p):
      noteGoIdle(p, atSetup: event.step == 0, into: &s)
    case .timerSet(let task, let deadline, let purpose):
      noteGoTimerSet(task, for: purpose, due: deadline, at: event.tUs, in: trace, into: &s)
    case .timerFire(let task):
      noteGoTimerFire(task, at: i, in: trace, into: &s)
    case .ioSend(let task, _, let resource, let op):
      s.request(by: task, " sends its request to ", resource, op, in: trace)
      s.text(" and will wait for the reply in the netpoller.")
    case .complete(let task):
      s.label(task, in: trace)
      if task.rawValue == 1 {
        s.text(" returns: main has returned, so the process exits and every other goroutine ends with it.")
      } else if let waiter = races.decidedRace(of: task, runs: { info($0).polls }) {
        s.text(" returns after the select of ")
        s.label(waiter, in: trace)
        s.text(
          " was decided: nothing cancels a goroutine, so this loser ran to its end. Its result goes into its"
        )
        s.text(" one-slot channel, which nobody reads (an unbuffered channel would leave it blocked in send")
        s.text(" forever, a goroutine leak); under rust, select drops the losing future at once.")
      } else {
        s.text(" returns: the goroutine is dead and its stack goes back to the runtime.")
      }
    case .taskDrop(let task):
      s.label(task, in: trace)
      s.text(" ends with the process, never resumed: nothing cancels or drops a goroutine, it just stops")
      s.text(" existing when main's return exits the program (under rust, block_on's end drops each task).")
    case .block(let task, let dur, _):
      s.label(task, in: trace)
      s.text(" calls block(")
      s.duration(dur)
      s.text("): a blocking system call (nanosleep).")
    default:
      writeRustNote(forEvent: i, event, in: trace, into: &s)
    }
  }

  /// Go's words for a spawn: a goroutine, with GoCosts' stack size.
  private static let goSpawn = UnitSpawnWords(
    model: .go, first: " is main's goroutine: runtime.main will call main.main on it.",
    verb: " runs `go` for ",
    costs: [(": a new goroutine with a ", GoCosts.stackBytes)],
    helper: """
       stack for one future of join, select or timeout (under rust no task is made: the combinator \
      polls its futures inside the task that awaits it).
      """,
    plain: " stack (under rust, tokio::spawn puts a task at the back of the run queue).")

  /// Where an idle P's M waits (proc.go `findRunnable`, its end): in the
  /// netpoller until the next timer or a ready socket, one M at a time
  /// (`sched.lastpoll`); else, or for the other Ms, in a futex (`stopm`).
  private func noteGoIdle<S: NoteSink & ~Copyable>(_ p: Int32, atSetup: Bool, into s: inout S) {
    s.text("P")
    s.number(Int64(p))
    let index = Int(p)
    let proc = index < go.procs.count ? go.procs[index] : GoSchedState.Proc()
    if atSetup {
      s.text(
        " starts idle, with no M: procresize puts every P but the first on the idle list, until there is work for it."
      )
      return
    }
    if case .syscall = proc.doing {
      s.text(
        " was taken from the thread blocked in the system call, but there is no work for it: handoffp puts it on the idle list, with no M."
      )
      return
    }
    s.text(
      " finds nothing to run (runnext, local queue, global queue, timers, other Ps): it goes idle and its M ")
    let until =
      switch (goTimers.isEmpty, go.netpoller.isEmpty) {
      case (false, true): "the next timer"
      case (false, false): "the next timer or a ready socket"
      case (true, false): "a socket is ready"
      case (true, true): ""
      }
    if until.isEmpty {
      s.text("sleeps in a futex (stopm): no timer and no socket is left to wait for.")
    } else if go.procs.count <= 1 {
      s.text("parks in the netpoller (epoll_wait) until ")
      s.string(until)
      s.text(".")
    } else {
      s.text("sleeps: one idle M at a time waits in the netpoller (epoll_wait) until ")
      s.string(until)
      s.text(", any other in a futex (stopm).")
    }
  }

  private func noteGoQueued<S: NoteSink & ~Copyable>(
    _ task: TaskID, p: Int32, slot: GoRunSlot, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    switch slot {
    case .runnext:
      s.text(" goes into P")
      s.number(Int64(p))
      s.text("'s runnext: it runs next, before the local queue")
      if let old = p >= 0 && Int(p) < go.procs.count ? go.procs[Int(p)].runnext : nil {
        s.text(", and ")
        s.label(old, in: trace)
        if go.procs[Int(p)].local.count >= GoCosts.localQueueCapacity {
          // runqput finds the local queue full: runqputslow spills half of it first.
          s.text(" moves from runnext towards the local queue, which is full (")
          s.number(Int64(GoCosts.localQueueCapacity))
          s.text(" slots): runqputslow moves its first half, then ")
          s.label(old, in: trace)
          s.text(", to the global run queue")
        } else {
          s.text(" moves from runnext to the local queue's tail")
        }
      }
      s.text(".")
    case .local:
      s.text(" goes to the tail of P")
      s.number(Int64(p))
      s.text("'s local run queue.")
    case .global:
      if let from = go.localQueue(of: task) {
        // runqputslow: the put that found the local queue full moves its first half.
        s.text(" moves from P")
        s.number(Int64(from))
        s.text("'s full local run queue (")
        s.number(Int64(GoCosts.localQueueCapacity))
        s.text(" slots; runqputslow moves its first half)")
      } else {
        s.text(" goes")
      }
      s.text(" to the tail of the global run queue (")
      s.number(Int64(go.global.count + 1))
      s.text(" there): a P looks at it when its own queue is empty, and first whenever its schedule tick")
      s.text(" is a multiple of ")
      s.number(Int64(GoCosts.globalQueueEvery))
      s.text(".")
    }
  }

  private func noteGoExecute<S: NoteSink & ~Copyable>(
    _ task: TaskID, p: Int32, m: Int32, in trace: Trace, into s: inout S
  ) {
    s.text("P")
    s.number(Int64(p))
    s.text(" (thread M")
    s.number(Int64(m))
    s.text(") runs ")
    s.label(task, in: trace)
    let proc = Int(p) < go.procs.count ? go.procs[Int(p)] : GoSchedState.Proc()
    if proc.runnext == task {
      s.text(", from runnext: it inherits the time slice.")
    } else if proc.local.first == task {
      s.text(", from the head of its local run queue.")
    } else if go.global.contains(task) {
      s.text(", from the global run queue.")
    } else {
      s.text(", stolen from another P's queue.")
    }
  }

  private func noteGoPark<S: NoteSink & ~Copyable>(
    _ task: TaskID, reason: GoWaitReason, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    switch reason {
    case .sleep:
      s.text(
        " parks in time.Sleep (waiting: sleep); its timer is on the P's heap and the P runs another goroutine."
      )
    case .chanReceive:
      s.text(
        " parks receiving from a channel (waiting: chan receive); the sender will ready it into its own P's runnext."
      )
    case .chanSend:
      s.text(" parks sending on a full channel (waiting: chan send) until a receiver makes room.")
    case .select:
      s.text(
        " parks in a select over its helper goroutines' channels; the first to send wins, the others run on (nothing cancels a goroutine; under rust the losers are dropped)."
      )
    case .selectNoCases:
      s.text(" parks in select {} and waits for nothing, forever.")
    case .ioWait:
      s.text(" parks in the netpoller (waiting: IO wait) until its reply comes.")
    }
  }
}
