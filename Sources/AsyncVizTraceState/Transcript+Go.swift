import AsyncVizTrace

extension Transcript {
  /// The header of a go-model trace: the model, and what a step is there.
  static func goHeader(_ trace: Trace) -> String {
    """
    asyncviz transcript: \(trace.program.name)
    model: go (Go 1.19's scheduler: goroutines on Ps with runnext and local run queues, a global run
    queue, Ms (threads), the netpoller, per-P timers, sysmon's handoff and preemption)
    backend: sim (virtual time: the same program always gives the same trace)
    \(counts(trace, "goroutine"))

    How to read it: each step is one scheduling action of one P, either `schedule` (its timers, then
    runnext, the local queue, the global queue) or one goroutine running until it parks, yields,
    returns or blocks; time moves only when nothing can run now (CPU work, a system call, a timer).
    "t" is the clock when the step begins, in milliseconds since the run began (virtual time); a
    line in brackets marks the clock moving within a step. Lines starting with >>> are the
    program's output.

    """
  }

  /// What the run cost under go: goroutine stacks and threads.
  static func goCosts(_ state: TraceState) -> String {
    let go = state.go
    let stackKiB = Int64(go.peakGoroutines) * GoCosts.stackBytes / 1024
    var text = "  goroutines: \(go.goroutinesMade) started, at most \(go.peakGoroutines) alive at once"
    text += " (stacks from \(KernelCosts.bytesText(GoCosts.stackBytes)) each: \(stackKiB) KiB at the peak)\n"
    text += "  threads (Ms): \(go.ms.count) (\(go.threadsMade) made by the runtime"
    text += go.handoffs > 0 ? " when sysmon handed a P off from a blocking system call)\n" : ")\n"
    if go.preemptions > 0 {
      let slice = DurationText.duration(GoCosts.preemptAfterUs)
      text += "  preemptions: \(go.preemptions) (sysmon, after \(slice) of CPU)\n"
    }
    return text
  }

  /// Why a goroutine never finished, in Go's words.
  static func goWhyStuck(_ task: TaskID, state: TraceState) -> String {
    let line = state.info(task).line
    let place = line != 0 ? " at line \(line)" : ""
    return "\(state.go.status(task).words)\(place): nothing will ever wake it."
  }
}
