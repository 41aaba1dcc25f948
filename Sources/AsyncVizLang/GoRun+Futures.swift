import AsyncVizGoRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// What awaiting each kind of future does under the go model: the Go code
/// the translation writes for it, run on the awaiting goroutine.
extension GoRun {
  /// `await v`: a kept future is called now; a handle is `h.Wait()`.
  func awaitValue(_ v: Value, on g: Goroutine, line: Int32) -> GoAdvance {
    switch v {
    case .goFunc(let f): return invoke(f, on: g, line: line)
    case .goHandle(let h):
      guard let value = h.wait(g, line: line) else { return .stopped }
      return .returned(value)
    default:
      fail("error: cannot await \(v.display): it is not a future", on: g)
      return .returned(.none)
    }
  }

  /// Calls `f` on goroutine `g`: its value now, a frame pushed, or `g` parked.
  func invoke(_ f: GoFunc, on g: Goroutine, line: Int32) -> GoAdvance {
    let args = f.args
    switch f.recipe {
    case .asyncFn(let index):
      // The limit is raised to allow deeper calls; a stack full before it is
      // reached (the interpreter's, not the goroutine's) needs a lower one.
      guard g.frames.count < run.limits.maxCallDepth else {
        fail(
          run.budget.pointee.errorLine(
            "error: line \(line): " + run.limits.tooDeep("calls", "on the goroutine's stack")), on: g)
        return .returned(.none)
      }
      guard !run.budget.pointee.stack.nearlyFull() else {
        fail(
          run.budget.pointee.errorLine(
            "error: line \(line): " + Limits.stackNearlyFull("calls", depth: g.frames.count)), on: g)
        return .returned(.none)
      }
      g.frames.append(GoCodeFrame(code: run.functions[index], args: args))
      return .pushed
    case .resource(let r, let op):
      let argument: String
      switch run.requestArgument(args) {
      case .success(let text): argument = text
      case .failure(let error):
        fail(run.budget.pointee.errorLine("error: line \(line): \(error.message)"), on: g)
        return .returned(.none)
      }
      let resource = run.resources[r]
      let reply = Value.string(resource.reply(op: op, argument: argument))
      guard resource.latencyUs > 0 else { return .returned(reply) }
      let task = g.task
      // The reply comes after the server's latency: a timer of this P stands
      // in for the socket, as in the translation (the oracle runs that code).
      // The trace's go_park (wait reason IO wait) is what puts the goroutine
      // in the netpoller the panels show.
      sched.addTimer(afterUs: resource.latencyUs, for: task, purpose: .latency) { [unowned self] in
        g.pending = reply
        sched.ready(task)
      }
      sched.park(.ioWait, line: line)
      return .stopped
    case .channel(let c, .send):
      return channels[c].send(args[0], by: g, run: self, line: line) ? .returned(.unit) : .stopped
    case .channel(let c, .recv):
      guard let v = channels[c].recv(by: g, run: self, line: line) else { return .stopped }
      return .returned(v)
    case .builtin(let builtin):
      return invokeBuiltin(builtin, args, on: g, line: line)
    }
  }

  private func invokeBuiltin(_ builtin: BuiltinFuture, _ args: [Value], on g: Goroutine, line: Int32)
    -> GoAdvance
  {
    switch builtin {
    case .sleep:
      guard case .duration(let us) = args[0] else { return .returned(.unit) }
      g.pending = .unit
      return sched.sleep(us, line: line) ? .stopped : .returned(.unit)
    case .yieldNow:
      g.pending = .unit
      sched.gosched()
      return .stopped
    case .lostWaker:
      sched.park(.selectNoCases, line: line)
      return .stopped
    case .selfWake:
      guard case .int(let n) = args[0], n > 0 else { return .returned(.unit) }
      g.frames.append(GoSelfWakeFrame(Int(clamping: n)))
      return .pushed
    case .join:
      let channels = args.enumerated().map { start($1, name: helperName($1, "join", $0)) }
      g.frames.append(GoJoinFrame(channels: channels, line: line))
      return .pushed
    case .select:
      let channels = args.enumerated().map { start($1, name: helperName($1, "select", $0)) }
      return select(channels, on: g, line: line) { i, v in .list([.int(Int64(i)), v]) }
    case .timeout:
      guard case .duration(let us) = args[0] else { return .returned(.none) }
      let c = start(args[1], name: helperName(args[1], "timeout", 0))
      // `time.After(d)`: a one-slot channel and a timer that sends on it.
      let after = GoChan(name: "time.After", capacity: 1)
      sched.addTimer(afterUs: us, for: g.task, purpose: .timeout) { [unowned self] in
        after.trySend(.unit, run: self)
      }
      return select([c, after], on: g, line: line) { i, v in i == 0 ? v : .none }
    }
  }

  /// A Go `select` over `channels`' receives: a value ready now is taken (the
  /// first ready case; Go picks among ready cases at random, and the model's
  /// programs never have two ready); else the goroutine parks on every case.
  private func select(
    _ channels: [GoChan], on g: Goroutine, line: Int32, wrap: @escaping (Int, Value) -> Value
  )
    -> GoAdvance
  {
    for (i, c) in channels.enumerated() {
      if let v = c.take(run: self) { return .returned(wrap(i, v)) }
    }
    let s = GoSelect(wrap: wrap)
    for (i, c) in channels.enumerated() { c.enqueue(g, select: s, index: i) }
    sched.park(.select, line: line)
    return .stopped
  }

  /// A helper goroutine's name: what it runs.
  private func helperName(_ work: Value, _ helper: String, _ i: Int) -> String {
    switch work {
    case .goFunc(let f):
      if case .asyncFn(let index) = f.recipe {
        return HelperUnits.goroutine(helper, i, runs: run.functions[index].name)
      }
      return HelperUnits.goroutine(helper, i, runs: nil)
    case .goHandle(let h): return HelperUnits.goroutine(helper, i, runs: "wait #\(h.task.rawValue)")
    default: return HelperUnits.goroutine(helper, i, runs: nil)
    }
  }
}
