import AsyncVizTrace

extension EventLoop {
  /// Runs one job: the front microtask if any (the queue is drained
  /// completely before the loop goes on, V8's MicrotaskQueue::RunMicrotasks
  /// called after each callback), else the next macrotask of libuv's turn,
  /// moving through the phases (and waiting in poll) as needed. Ends the run
  /// when the loop has nothing left that could run (uv__loop_alive false:
  /// no timer, no immediate, no I/O), as the node process exits there, or
  /// at the step limit.
  public func step() -> NodeStep {
    if let end { return .finished(end) }
    if recorder.step >= maxSteps { return .finished(finish(.maxSteps)) }
    refreshClock()
    if let job = microtasks.popFirst() {
      recorder.step += 1
      record(.microtaskRun(task: job.task, job: job.job))
      onJobStart?()
      job.run()
      return .microtask
    }
    while true {
      switch cursor {
      case .start:
        cursor = .timers(dueBy: now)
        let call = main
        main = nil
        return runMacrotask(in: .timers) { call?() }
      case .timers(let dueBy):
        if let timer = timers.popDue(by: dueBy) {
          return runMacrotask(in: .timers, recording: .timerFire(task: timer.task), timer.run)
        }
        cursor = .poll
      case .poll:
        guard !timers.isEmpty || !immediates.isEmpty || !watchers.isEmpty else { return .finished(finish()) }
        // uv_backend_timeout: 0 while immediates wait (Node keeps an idle
        // handle active then), else the time to the earliest timer, else
        // no limit (only sockets are left).
        let timeout: Int64? =
          immediates.isEmpty ? timers.nextDeadline.map { max(0, $0 - now) } : 0
        cursor = .pollCallbacks
        guard let io else {
          cursor = .check(left: immediates.count)
          let wait = timeout ?? 0
          guard wait > 0 else { continue }
          recorder.step += 1
          enter(.poll)
          record(.reactorWait(timeoutUs: wait))
          now += wait
          return .wait
        }
        let waits = timeout != 0 || !watchers.isEmpty
        if waits {
          recorder.step += 1
          enter(.poll)
          record(.reactorWait(timeoutUs: timeout))
        }
        let ready = io.waitReady(timeoutUs: timeout)
        refreshClock()
        for fd in ready {
          guard let watcher = watchers[fd] else { continue }
          record(.reactorReady(fd: fd, readiness: .read))
          readyCallbacks.append(Macrotask(task: watcher.task, run: watcher.callback))
        }
        if waits { return .wait }
      case .pollCallbacks:
        if !readyCallbacks.isEmpty {
          return runMacrotask(in: .poll, readyCallbacks.removeFirst().run)
        }
        cursor = .check(left: immediates.count)
      case .check(let left):
        if left > 0, let immediate = immediates.popFirst() {
          cursor = .check(left: left - 1)
          return runMacrotask(in: .check, recording: .immediateRun(task: immediate.task), immediate.run)
        }
        cursor = .close
      case .close:
        // The next turn: uv__update_time, then the timers due by then.
        cursor = .timers(dueBy: now)
      }
    }
  }

  /// Runs a macrotask's callback in `phase` as one step, after `event` (the
  /// timer's fire, the immediate's run) if there is one.
  private func runMacrotask(
    in phase: LoopPhase, recording event: EventPayload? = nil, _ callback: () -> Void
  ) -> NodeStep {
    recorder.step += 1
    enter(phase)
    if let event { record(event) }
    onJobStart?()
    callback()
    return .macrotask
  }

  /// Records a phase the first time a callback (or the wait) runs in it in a row.
  private func enter(_ next: LoopPhase) {
    guard phase != next else { return }
    phase = next
    record(.phase(next))
  }

  /// The loop ran dry (or hit the step limit): the process exits. The run
  /// is `completed` if main's promise was fulfilled, else `stuck` with the
  /// async fns whose promises never settled.
  private func finish(_ natural: EndReason? = nil) -> RunEnd {
    let stuck = alive.indices.filter { alive[$0] }.map { TaskID(UInt32($0 + 1)) }
    let reason = EndReason(failed: failed, stop: natural, otherwise: mainEndUs == nil ? .stuck : .completed)
    let end = RunEnd(
      reason: reason, steps: recorder.step, tUs: now,
      stuckTasks: reason == .maxSteps || mainEndUs != nil ? [] : stuck)
    self.end = end
    recorder.trace.end = end
    // The process exits: its sockets and the kernel's objects go with it.
    watchers.removeAll()
    readyCallbacks.removeAll()
    io?.shutdown()
    return end
  }
}
