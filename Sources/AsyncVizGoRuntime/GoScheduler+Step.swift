import AsyncVizTrace

extension GoScheduler {
  /// One scheduling action: the next P (in turn) with something to do now
  /// schedules or runs its goroutine's code; if none has, time moves to the
  /// next event. Ends the run when main returns (the process exits), when
  /// nothing can ever run again (Go's `checkdead`: "all goroutines are
  /// asleep"), or at the step limit.
  public func step() -> GoSchedStep {
    if let end { return .finished(end) }
    if recorder.step >= maxSteps { return .finished(finish(.maxSteps)) }
    // The Ps take turns: the scan starts after the P that acted last, so
    // that with GOMAXPROCS above 1 each P's M gets its share of the steps.
    for k in procs.indices {
      let p = (lastActed + 1 + k) % procs.count
      switch procs[p].state {
      case .scheduling:
        lastActed = p
        recorder.step += 1
        schedule(p)
        return .scheduled
      case .running(let g):
        lastActed = p
        recorder.step += 1
        runCode(g, on: p)
        if let end { return .finished(end) }
        return .ran
      case .spinning, .syscall, .idle:
        continue
      }
    }
    guard let next = nextEventUs() else { return .finished(finish()) }
    // Time moving is not a step of its own: what it lets happen is the next step.
    now = max(now, next)
    applyEvents()
    return .waited
  }

  /// `schedule` -> `findRunnable` on P `p`: its due timers first
  /// (`checkTimers`: each wakes its goroutine into runnext), then the queues
  /// (`runqget`, `globrunqget`, every 61st schedtick the global queue first),
  /// then, with more Ps, other Ps' due timers and half of another P's queue
  /// (`stealWork`); else the P goes idle and its M parks.
  private func schedule(_ p: Int) {
    currentP = p
    currentG = nil
    runTimers(of: p)
    let localBefore = queues.ps[p].local
    var found = queues.take(on: p)
    if found == nil, procs.count > 1 {
      for victim in stealOrder(from: p) { runTimers(of: victim) }
      found = queues.take(on: p)
      if found == nil {
        for victim in stealOrder(from: p) {
          if let g = queues.steal(into: p, from: victim, victimRunning: isBusy(victim)) {
            found = (g, false)
            break
          }
        }
      }
    }
    // A batch from the global queue or a steal moved goroutines into this P's local queue.
    let before = Set(localBefore)
    for moved in queues.ps[p].local where !before.contains(moved) {
      record(.goRunqPut(task: gs[moved].task, p: Int32(p), slot: .local))
    }
    guard let (g, inheritTime) = found else {
      procs[p].state = .idle
      if let m = procs[p].m { ms[m] = .idle }
      procs[p].m = nil
      record(.goIdle(p: Int32(p)))
      return
    }
    execute(g, on: p, inheritTime: inheritTime)
  }

  /// `execute`: the goroutine runs on P `p`; a new time slice begins unless
  /// it came from runnext.
  func execute(_ g: Int, on p: Int, inheritTime: Bool) {
    if !inheritTime { procs[p].sliceStartUs = now }
    gs[g].status = .running
    record(.goExecute(task: gs[g].task, p: Int32(p), m: Int32(procs[p].m ?? 0)))
    if gs[g].cpuLeftUs > 0 {
      procs[p].spinStartUs = now
      procs[p].state = .spinning(g: g, untilUs: now + gs[g].cpuLeftUs)
      gs[g].cpuLeftUs = 0
    } else {
      procs[p].state = .running(g: g)
    }
  }

  /// The goroutine's code runs until it stops running (it must park, yield,
  /// return, or start CPU work or a system call).
  private func runCode(_ g: Int, on p: Int) {
    currentP = p
    currentG = g
    onRun?()
    gs[g].body.run()
    if case .running(let still) = procs[p].state, still == g, end == nil {
      // Code that stopped without saying why ends its goroutine.
      exit()
    }
    currentG = nil
  }

  /// Runs P `p`'s due timers, with `p` current (their goroutines go to its runnext).
  private func runTimers(of p: Int) {
    let saved = currentP
    currentP = p
    while let timer = timers[p].popDue(by: now) {
      record(.timerFire(task: timer.task))
      timer.fire()
    }
    currentP = saved
  }

  /// Other Ps, starting after `p` (Go starts at a random P: the model's order is fixed).
  private func stealOrder(from p: Int) -> [Int] {
    (1..<procs.count).map { (p + $0) % procs.count }
  }

  private func isBusy(_ p: Int) -> Bool {
    switch procs[p].state {
    case .running, .spinning, .syscall: true
    case .scheduling, .idle: false
    }
  }

  /// When the next thing happens: CPU work ends or is preempted, a system
  /// call returns, sysmon takes a P from a syscall, or (while a P is idle) a timer is due.
  private func nextEventUs() -> Int64? {
    var next: Int64?
    func consider(_ t: Int64) { next = min(next ?? t, t) }
    for p in procs.indices {
      if case .spinning(_, let until) = procs[p].state { consider(min(until, preemptUs(p))) }
    }
    for m in ms { if case .syscall(_, let until, _) = m { consider(until) } }
    for (p, t) in retakeAt where procs[p].state.isSyscall { consider(t) }
    if procs.contains(where: { $0.state == .idle }) {
      for t in timers { if let when = t.nextDeadline { consider(when) } }
    }
    return next
  }

  /// When sysmon preempts P `p`'s spinning goroutine: 10 ms into its time
  /// slice, or at sysmon's next tick if the slice is already older (a
  /// goroutine run from runnext keeps the slice of the one before it).
  private func preemptUs(_ p: Int) -> Int64 {
    max(procs[p].sliceStartUs + Self.preemptAfterUs, procs[p].spinStartUs + Self.sysmonTickUs)
  }

  /// Everything due at `now`, in a fixed order: system calls returning,
  /// sysmon's handoffs, CPU work ending or preempted, idle Ps woken for timers.
  private func applyEvents() {
    for m in ms.indices {
      if case .syscall(let g, let until, _) = ms[m], until <= now { exitSyscall(m, g) }
    }
    for p in procs.indices {
      if case .syscall = procs[p].state, let t = retakeAt[p], t <= now { handoff(p) }
    }
    for p in procs.indices {
      guard case .spinning(let g, let until) = procs[p].state else { continue }
      let preempt = preemptUs(p)
      if until <= now && until <= preempt {
        procs[p].state = .running(g: g)
      } else if preempt <= now {
        gs[g].cpuLeftUs = until - now
        gs[g].status = .runnable
        record(.goPreempt(task: gs[g].task, p: Int32(p)))
        queues.putGlobal(g)
        record(.goRunqPut(task: gs[g].task, p: -1, slot: .global))
        procs[p].state = .scheduling
      }
    }
    for q in timers.indices where timers[q].nextDeadline.map({ $0 <= now }) == true {
      let owner = procs[q].state == .idle ? q : nil
      guard let p = owner ?? procs.indices.first(where: { procs[$0].state == .idle }) else { continue }
      procs[p].m = takeM(for: p)
      procs[p].state = .scheduling
    }
  }

  /// `exitsyscall`: the goroutine keeps its old P if sysmon has not taken
  /// it (`exitsyscallfast`), else takes an idle P (`exitsyscallfast_pidle`),
  /// else goes to the global queue and its M stops (`exitsyscall0`).
  private func exitSyscall(_ m: Int, _ g: Int) {
    guard case .syscall(_, _, let held) = ms[m] else { return }
    var p = held
    if p == nil, let idle = procs.indices.first(where: { procs[$0].state == .idle }) {
      p = idle
    }
    guard let p else {
      ms[m] = .idle
      gs[g].status = .runnable
      record(.goSyscallExit(task: gs[g].task, m: Int32(m), p: -1))
      queues.putGlobal(g)
      record(.goRunqPut(task: gs[g].task, p: -1, slot: .global))
      return
    }
    retakeAt[p] = nil
    if let old = procs[p].m, old != m { ms[old] = .idle }
    procs[p].m = m
    ms[m] = .running(p: p)
    gs[g].status = .running
    record(.goSyscallExit(task: gs[g].task, m: Int32(m), p: Int32(p)))
    procs[p].state = .running(g: g)
  }

  /// sysmon's `retake` of a P in `_Psyscall`, then `handoffp`: another M takes
  /// it and looks for work (with GOMAXPROCS 1 always: nobody else would run
  /// the timers; with more, only if there is work or no other P is idle).
  private func handoff(_ p: Int) {
    retakeAt[p] = nil
    if let m = procs[p].m, case .syscall(let g, let until, _) = ms[m] {
      ms[m] = .syscall(g: g, untilUs: until, p: nil)
    }
    procs[p].m = nil
    let work = !queues.isEmpty(p) || !queues.global.isEmpty
    if !work && procs.contains(where: { $0.state == .idle || $0.state == .scheduling }) {
      procs[p].state = .idle
      record(.goIdle(p: Int32(p)))
      return
    }
    let m = takeM(for: p)
    procs[p].m = m
    record(.goHandoff(p: Int32(p), m: Int32(m)))
    procs[p].state = .scheduling
  }

  /// Ends the run: `completed` when main returned, else `stuck` with the
  /// goroutines that wait forever (or the reason given).
  func finish(_ natural: EndReason? = nil) -> RunEnd {
    // A run stopped at the step limit says so even if the program failed
    // (the node and threads models say `error` then).
    let reason = EndReason(failed: failed && natural != .maxSteps, stop: natural, otherwise: .stuck)
    let stuck =
      reason == .stuck
      ? gs.filter { if case .waiting = $0.status { return true } else { return false } }.map(\.task) : []
    let end = RunEnd(reason: reason, steps: recorder.step, tUs: now, stuckTasks: stuck)
    self.end = end
    recorder.trace.end = end
    return end
  }
}

extension GoPState {
  var isSyscall: Bool {
    if case .syscall = self { return true }
    return false
  }
}
