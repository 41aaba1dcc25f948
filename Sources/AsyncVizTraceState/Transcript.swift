import AsyncVizTrace

/// The plain, narrated transcript of a trace: what `--plain` prints.
///
/// It reads as a lesson on its own: a header that says what the program is
/// and what the columns mean, every event's note grouped by step, printed
/// output set apart, and a summary of how the run ended. It depends only on
/// the trace, so a live run (`demo --plain`) and a replayed file
/// (`replay --plain`) print the same text, byte for byte.
public enum Transcript {
  /// The whole transcript as one string.
  public static func render(_ trace: Trace) -> String {
    var text = ""
    render(trace) { text += $0 }
    return text
  }

  /// Streams the transcript in pieces of whole lines (each ends with "\n"),
  /// so that a million-event trace prints without building one huge string.
  /// Every piece goes through `TerminalText`: names and output come from
  /// the program or the file, and must not drive the terminal.
  public static func render(_ trace: Trace, into rawWrite: (String) -> Void) {
    func write(_ piece: String) { rawWrite(TerminalText.visibleLines(piece)) }
    write(header(trace))
    var state = TraceState()
    var step: UInt32? = nil
    var clock: Int64 = 0
    var lines = ""
    for (i, event) in trace.events.enumerated() {
      if event.step != step {
        if !lines.isEmpty { write(lines) }
        lines = stepLine(event.step, at: event.tUs)
        step = event.step
        clock = event.tUs
      } else if event.tUs != clock {
        lines +=
          "  [t = \(DurationText.instant(event.tUs)), \(DurationText.duration(event.tUs - clock)) later]\n"
        clock = event.tUs
      }
      let note = state.note(forEvent: i, event, in: trace)
      if case .output(let task, let text) = event.payload {
        lines += "  >>> \(trace.label(task)) prints: \(TerminalText.visible(trace.string(text)))\n"
      } else {
        lines += "  \(TerminalText.visible(note))\n"
      }
      TraceReducer.applyNext(event, in: trace.events, to: &state)
    }
    if !lines.isEmpty { write(lines) }
    write(summary(trace, state: state))
  }

  /// "step 7   t = 40.000 ms".
  static func stepLine(_ step: UInt32, at tUs: Int64) -> String {
    let label = step == 0 ? "step 0 (setup)" : "step \(step)"
    return "\n\(label)   t = \(DurationText.instant(tUs))\n"
  }

  /// A header's counts, a task called `unit` in the model's words: "3 tasks, 120 events, 14 steps".
  static func counts(_ trace: Trace, _ unit: String) -> String {
    "\(English.count(trace.tasks.count, unit)), \(English.count(trace.events.count, "event")), "
      + English.count(Int(trace.stepCount), "step")
  }

  /// What the program is and how to read what follows.
  static func header(_ trace: Trace) -> String {
    if trace.program.model == .node { return nodeHeader(trace) }
    if trace.program.model == .threads { return threadsHeader(trace) }
    if trace.program.model == .go { return goHeader(trace) }
    let backend =
      trace.program.backend == .sim
      ? "sim (a simulated kernel with virtual time: the same program always gives the same trace)"
      : "epoll (the real Linux kernel: times are real, in microseconds since the run began)"
    let clock = trace.program.backend == .sim ? "virtual time" : "real time"
    return """
      asyncviz transcript: \(trace.program.name)
      backend: \(backend)
      \(counts(trace, "task"))

      How to read it: each step is one scheduling action, either one poll of one task (with everything
      that happens inside it) or one reactor turn (one wait for I/O or timers, and the wakes it causes).
      "t" is the clock when the step begins, in milliseconds since the run began (\(clock)); a line
      in brackets marks the clock moving within a step. Lines starting with >>> are the program's output.

      """
  }

  /// The header of a node-model trace: the model, and what a step is there.
  static func nodeHeader(_ trace: Trace) -> String {
    """
    asyncviz transcript: \(trace.program.name)
    model: node (Node 20's rules: eager async fns, promises and microtasks, libuv's loop phases)
    backend: \(trace.program.backend == .sim
      ? "sim (virtual time: the same program always gives the same trace)"
      : "epoll (real sockets read in the poll phase, on the real clock)")
    \(counts(trace, "async fn call"))

    How to read it: each step is one job on the only JavaScript thread, either one macrotask (main's
    first call, a setTimeout, setImmediate or I/O callback) or one microtask (a promise job), or the
    poll phase's wait. "t" is the clock when the step begins, in milliseconds since the run began
    (\(trace.program.backend == .sim ? "virtual" : "real") time); a line in brackets marks the clock moving \
    within a step. Lines starting
    with >>> are the program's output.

    """
  }

  /// The header of a threads-model trace: the model, the CPUs, what a step is there.
  static func threadsHeader(_ trace: Trace) -> String {
    let cpus = cpuCount(trace)
    return """
      asyncviz transcript: \(trace.program.name)
      model: threads (an OS thread per task under Linux's scheduler, simplified: \
      \(English.count(cpus, "CPU")), round-robin run queues, time slices, \
      \(KernelCosts.contextSwitchUs) us per context switch)
      backend: sim (virtual time: the same program always gives the same trace)
      \(counts(trace, "thread"))

      How to read it: each step is one decision of the kernel's scheduler: a CPU switches to a thread,
      whose code runs until it blocks in a system call (read, nanosleep, a futex), computes, yields or
      exits; or time moves to the next wake-up. An await is a plain call; a future runs on the thread
      that awaits it. "t" is the clock when the step begins, in milliseconds since the run began
      (virtual time). Lines starting with >>> are the program's output.

      """
  }

  /// The CPUs a threads trace used (the highest CPU number named, plus one).
  static func cpuCount(_ trace: Trace) -> Int {
    var highest: Int32 = 0
    for event in trace.events {
      switch event.payload {
      case .threadRun(_, let cpu), .threadReady(_, let cpu), .threadStop(_, let cpu, _, _):
        highest = max(highest, cpu)
      default: break
      }
    }
    return Int(highest) + 1
  }
}
