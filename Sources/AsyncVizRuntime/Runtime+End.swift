import AsyncVizTrace

/// How a run ends (cold paths, apart from the step loop).
extension Runtime {
  /// main returned: block_on returns and the runtime is dropped with every
  /// task still alive (tokio's `OwnedTasks::close_and_shutdown_all`, oldest
  /// first). Each is recorded, then its future is dropped (cancelled), which
  /// gives back its timers, fds and wakers. The run ends `completed`.
  func blockOnReturned() {
    for i in core.pointee.slots.indices {
      let state = core.pointee.slots[i].state
      guard state != .done && state != .dropped else { continue }
      let id = TaskID(UInt32(i + 1))
      core.pointee.slots[i].state = .dropped
      core.pointee.slots[i].queued = false
      core.pointee.liveTasks -= 1
      core.pointee.record(.taskDrop(task: id))
      var cx = Context(core: core, task: id)
      core.pointee.slots[i].cell.takeUnretainedValue().cancel(&cx)
      core.pointee.failure = nil
    }
    core.pointee.dropDeferred()
    _ = finish(.completed)
  }

  /// Ends the run: records its end, with the tasks left pending when it is stuck.
  func finish(_ natural: EndReason) -> RunEnd {
    // A run-time error outranks every other ending: the summary, the status
    // line and the exit status must not say a broken run completed.
    let reason = core.pointee.failed ? .error : natural
    _ = core.pointee.currentNow()
    var stuck: [TaskID] = []
    if natural == .stuck {
      for i in core.pointee.slots.indices {
        let state = core.pointee.slots[i].state
        guard state != .done && state != .dropped else { continue }
        stuck.append(TaskID(UInt32(i + 1)))
      }
    }
    let end = RunEnd(
      reason: reason, steps: core.pointee.recorder.step, tUs: core.pointee.now, stuckTasks: stuck)
    core.pointee.end = end
    core.pointee.recorder.trace.end = end
    return end
  }
}
