import AsyncVizTrace

extension Transcript {
  /// How the run ended, in words: reason, steps, time, stuck tasks and why,
  /// lints, output.
  static func summary(_ trace: Trace, state: TraceState) -> String {
    var text = "\n"
    guard let end = trace.end else {
      text += "end: the run had not finished when this trace was saved"
      text += " (\(trace.stepCount) steps, t = \(DurationText.instant(trace.events.last?.tUs ?? 0))).\n"
      return text + findings(trace)
    }
    var dropped: [TaskID] = []
    for event in trace.events { if case .taskDrop(let task) = event.payload { dropped.append(task) } }
    let mainEnd = trace.program.model == .node ? mainReturn(trace) : nil
    switch end.reason {
    case .completed where mainEnd != nil:
      text += "end: completed. main's promise was fulfilled at \(DurationText.instant(mainEnd ?? 0)); "
      text += "the loop ran on until no timer or immediate was left, where node exits.\n"
    case .completed where trace.program.model == .threads:
      text += "end: completed. main's thread returned, and exit() ended the process"
      text +=
        dropped.isEmpty
        ? ".\n" : " with \(English.count(dropped.count, "other thread")) still alive.\n"
    case .completed where trace.program.model == .go:
      text += "end: completed. main returned, so the process exited"
      text +=
        dropped.isEmpty
        ? " (every other goroutine had returned already).\n"
        : ": \(English.count(dropped.count, "goroutine")) still alive ended with it.\n"
    case .stuck where trace.program.model == .go:
      text +=
        "end: stuck. Go stops such a program itself: \"fatal error: all goroutines are asleep - deadlock!\"\n"
    case .stuck where trace.program.model == .node:
      // Real Node 20 exits with status 0 and says nothing (checked here).
      text += "end: stuck. Nothing is left in the loop (no timer, immediate or socket) and main's promise"
      text += " never settled: node exits here, silently, with the rest of main never run.\n"
    case .stuck where trace.program.model == .threads:
      text += "end: stuck. Every thread is blocked and no other thread will ever wake one: the real"
      text += " process hangs here, with no error (nothing in the kernel looks for such a deadlock).\n"
    case .completed where !dropped.isEmpty:
      text += "end: completed. main returned, so block_on returned and the runtime dropped"
      text += " the tasks still alive.\n"
    case .completed:
      text += "end: completed. Every task finished.\n"
    case .stuck:
      text += "end: stuck. No task is ready, and nothing can ever wake the pending ones.\n"
    case .maxSteps:
      text += "end: max-steps. The step limit (\(end.steps) steps) was reached before the program finished;"
      text += " run it again with a higher --max-steps to see more.\n"
    case .error:
      text += "end: error. A run-time error stopped part of the program (see its `error:` line), "
      text += "so it did not run as written.\n"
    }
    let clock = trace.program.backend == .sim ? "virtual" : "real"
    text += "  steps: \(end.steps)\n"
    text += "  total time: \(DurationText.instant(end.tUs)) (\(clock))\n"
    if trace.program.model == .threads {
      text += threadsCosts(state.kernel, real: trace.program.backend == .epoll)
    }
    if trace.program.model == .go { text += goCosts(state) }
    if !dropped.isEmpty {
      let what =
        switch trace.program.model {
        case .go: "goroutines alive when the process exited"
        case .threads: "threads alive when exit() ended the process"
        case .rust, .node: "dropped tasks"
        }
      text += "  \(what) (never finished): \(dropped.map { trace.label($0) }.joined(separator: ", "))\n"
    }
    if !end.stuckTasks.isEmpty {
      text += "  stuck tasks:\n"
      for task in end.stuckTasks {
        let why =
          trace.program.model == .go
          ? goWhyStuck(task, state: state) : whyStuck(task, in: trace, state: state)
        text += "    \(trace.label(task)): \(why)\n"
      }
    }
    return text + findings(trace)
  }

  /// The threads model's costs: threads, context switches, memory at the peak.
  /// On real pthreads (`real`), a thread_run is a take of the interpreter
  /// lock, not a context switch, and the memory is the model's accounting:
  /// the line says so and where the kernel's own figures are.
  static func threadsCosts(_ kernel: KernelState, real: Bool = false) -> String {
    let peak = kernel.peakThreads
    if real {
      var text =
        "  threads: \(peak) real pthreads alive at the peak; their code ran \(kernel.contextSwitches) times"
      text += " under the interpreter lock\n"
      text +=
        "  memory (the model's accounting): \(KernelCosts.bytesText(KernelCosts.reservedBytes(threads: peak)))"
      text +=
        " of stack reserved, \(KernelCosts.bytesText(KernelCosts.residentBytes(threads: peak))) resident;"
      text += " `asyncviz compare --real` measures the process (RSS, threads, context switches)\n"
      return text
    }
    var text = "  threads: \(peak) alive at the peak; \(kernel.contextSwitches) context switches"
    text += " (\(kernel.preemptions) preemptions)\n"
    text +=
      "  memory at the peak: \(KernelCosts.bytesText(KernelCosts.reservedBytes(threads: peak))) of stack reserved, "
    text +=
      "\(KernelCosts.bytesText(KernelCosts.residentBytes(threads: peak))) resident (stack pages and kernel stacks);"
    // The measured figure, from the one constant compare and the bench use.
    text += " the rust model needs about \(ModelFacts.rustBytesPerTask) B per waiting task\n"
    return text
  }

  /// When main returned (its first `complete`; main's promise was fulfilled
  /// under node), nil if it never did. `ModelFacts` reads it too.
  static func mainReturn(_ trace: Trace) -> Int64? {
    for event in trace.events {
      if case .complete(let task) = event.payload, task == TaskID(1) { return event.tUs }
    }
    return nil
  }

  /// Why nothing can wake a stuck task, from what it last waited on.
  static func whyStuck(_ task: TaskID, in trace: Trace, state: TraceState) -> String {
    let info = state.info(task)
    let what = info.awaiting.phrase(in: trace)
    let place = info.line != 0 ? " at line \(info.line)" : ""
    var text = what.isEmpty ? "pending\(place)" : "pending\(place) on \(what)"
    if trace.program.model == .node {
      // No wakers under node: a pending promise keeps nothing in the loop alive.
      if case .joinHandle(let joined) = info.awaiting, trace.end?.stuckTasks.contains(joined) == true {
        return "pending\(place) on the promise of \(trace.label(joined)), which never settles either."
      }
      return text + ": a promise nothing will ever settle, and the loop ran dry."
    }
    let joinedStuck: TaskID? =
      if case .joinHandle(let joined) = info.awaiting, trace.end?.stuckTasks.contains(joined) == true {
        joined
      } else {
        nil
      }
    if trace.program.model == .threads {
      // No wakers under threads: a blocked thread waits in the kernel (a futex, a read).
      if let joinedStuck {
        return "blocked\(place) in pthread_join on \(trace.label(joinedStuck)), which is stuck too."
      }
      return (what.isEmpty ? "blocked\(place)" : "blocked\(place) on \(what)")
        + ": no other thread will ever wake it."
    }
    if let joinedStuck {
      text += ", waiting for \(trace.label(joinedStuck)), which is stuck too"
    } else if info.wakersHeld <= 0 {
      text += ", and no one holds its waker"
    } else {
      text += "; its waker is held only by tasks or channels that will never act again"
    }
    return text + "."
  }

  /// The lints that fired and the lines the program printed.
  static func findings(_ trace: Trace) -> String {
    var lints: [String] = []
    var output: [String] = []
    for event in trace.events {
      switch event.payload {
      case .lint(let task, let code, _):
        let own = code.isTokioConsoleLint ? "" : " (asyncviz's own lint)"
        lints.append("    \(code.name)\(own) on \(trace.label(task)) (step \(event.step))")
      case .output(let task, let text):
        output.append("    \(trace.label(task)): \(trace.string(text))")
      default:
        break
      }
    }
    var text = lints.isEmpty ? "  lints: none\n" : "  lints:\n" + lints.joined(separator: "\n") + "\n"
    if output.isEmpty {
      text += "  output: none\n"
    } else {
      text += "  output (\(English.count(output.count, "line"))):\n"
      text += output.joined(separator: "\n") + "\n"
    }
    return text
  }
}
