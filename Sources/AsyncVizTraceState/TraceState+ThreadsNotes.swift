import AsyncVizTrace

/// The narration of a threads-model trace, in the kernel's words (thread,
/// CPU, run queue, time slice, context switch, blocked in read, nanosleep,
/// futex), saying where threads differ from rust's tasks.
extension TraceState {
  package func writeThreadsNote<S: NoteSink & ~Copyable>(
    forEvent i: Int, _ event: TraceEvent, in trace: Trace, into s: inout S
  ) {
    switch event.payload {
    case .spawn(let task, let parent):
      s.unitSpawn(task, by: parent, Self.threadsSpawn, in: trace)
    case .threadReady(let task, let cpu):
      s.label(task, in: trace)
      s.text(" is runnable: it joins the run queue of CPU ")
      s.number(Int64(cpu))
      s.text(" (")
      s.number(Int64(kernel.cpus.count > Int(cpu) ? kernel.cpus[Int(cpu)].runQueue.count + 1 : 1))
      s.text(" waiting there now).")
    case .threadRun(let task, let cpu):
      s.text("Context switch: CPU ")
      s.number(Int64(cpu))
      s.text(" runs ")
      s.label(task, in: trace)
      s.text(" (switch ")
      s.number(Int64(kernel.contextSwitches + 1))
      s.text(", ")
      s.duration(KernelCosts.contextSwitchUs)
      s.text(" of CPU time for the kernel). Its code runs on until it blocks, exits or its time slice ends.")
    case .threadStop(let task, _, let line, let awaiting):
      noteThreadStop(task, line: line, awaiting: awaiting, in: trace, into: &s)
    case .complete(let task):
      s.label(task, in: trace)
      // glibc frees a joinable thread's user stack at pthread_join (a
      // detached one's at its exit); the kernel frees its kernel stack now.
      s.text(" returns from its thread function: the thread exits and its kernel stack is freed")
      if task == TaskID(1) {
        s.text("; main returning calls exit(), which ends every other thread with the process.")
      } else if let waiter = races.decidedRace(of: task, runs: { info($0).polls }) {
        s.text(". It lost: ")
        s.label(waiter, in: trace)
        s.text(" stopped waiting for it when the race was decided, but nothing stops a thread from outside")
        s.text(" (pthread_cancel aside), so it ran its blocking calls to the end and its result is thrown")
        s.text(" away (under rust, select and timeout drop the losing future at once).")
      } else {
        s.text("; a futex wakes whoever waits in pthread_join, which hands its user stack back to glibc.")
      }
    case .taskDrop(let task):
      s.text("exit() ends ")
      s.label(task, in: trace)
      s.text(", still alive, with the process: a thread is not cancelled at an await as a rust task is")
      s.text(" dropped; it dies only because the whole process exits.")
    case .timerSet(let task, let deadline, _):
      s.label(task, in: trace)
      s.text(" calls nanosleep until ")
      s.instant(deadline)
      s.text(": the kernel takes it off the CPU and a timer wakes it then.")
    case .ioSend(let task, let fd, let resource, let op):
      s.request(
        by: task, " writes its ", resource, op, on: "its own connection (fd ", fd: fd,
        then: "): a blocking write, then a blocking read for the reply.", in: trace)
    case .output(let task, let text):
      notePrint(task, text, at: i, counted: false, in: trace, into: &s)
    case .block(let task, let dur, _):
      s.blockingCall(by: task, for: dur, in: trace)
      s.text(
        ": only this thread sleeps; the other threads keep their CPUs (under rust it stops the executor).")
    default:
      s.string(event.payload.kindName)
    }
  }

  /// The kernel's words for a spawn: an OS thread, with KernelCosts' stack sizes.
  private static let threadsSpawn = UnitSpawnWords(
    model: .threads, first: " is the process's first thread: main runs on it.",
    verb: " calls pthread_create for ",
    costs: [
      (": a new OS thread with its own stack (", KernelCosts.reservedStackBytes),
      (" reserved, a few pages resident, ", KernelCosts.kernelStackBytes),
    ],
    helper: """
       of kernel stack) for one future of join, select or timeout, where rust makes no task at all \
      (the combinator polls its futures inside the task that awaits it).
      """,
    plain: " of kernel stack), where rust makes a task of a few hundred bytes.")

  private func noteThreadStop<S: NoteSink & ~Copyable>(
    _ task: TaskID, line: Int32, awaiting: Awaited, in trace: Trace, into s: inout S
  ) {
    s.label(task, in: trace)
    switch awaiting {
    case .nothing:
      s.text(
        """
         has used up its time slice while another thread waits: the kernel preempts it and puts it at \
        the back of the run queue (a task under rust is never preempted).
        """)
      return
    case .yieldNow:
      s.text(" calls sched_yield: it goes to the back of its CPU's run queue.")
      return
    case .resourceCall:
      s.text(" blocks in read")
      if let fd = lastSend?.fd {
        s.text(" on fd ")
        s.number(Int64(fd))
      }
      s.text(" until the reply of ")
      s.string(awaiting.label(in: trace))
      s.text(" arrives")
    case .sleep:
      s.text(" sleeps in nanosleep")
    case .joinHandle(let other):
      s.text(" waits in pthread_join (a futex) for ")
      s.label(other, in: trace)
      s.text(" to exit")
    case .channelSend(let channel):
      s.text(" finds ")
      s.string(trace.string(channel))
      s.text("'s queue full: it waits on the queue's not-full condition variable (a futex)")
    case .channelRecv(let channel):
      s.text(" finds ")
      s.string(trace.string(channel))
      s.text("'s queue empty: it waits on the queue's not-empty condition variable (a futex)")
    case .join:
      s.text(" waits on a futex until every helper thread of its join has exited")
    case .select:
      s.text(" waits on a futex for the first helper thread of its select; the others keep running")
    case .timeout:
      s.text(
        " waits on a futex with a timeout for its helper thread; if the time runs out, the helper runs on")
    case .lostWaker:
      s.text(" waits on a futex that nothing will ever wake")
    default:
      s.text(" blocks in the kernel on ")
      s.string(awaiting.label(in: trace))
    }
    if line != 0 {
      s.text(" (line ")
      s.number(Int64(line))
      s.text(")")
    }
    s.text(": its CPU is free for another thread; the thread keeps its stack while it sleeps.")
  }
}
