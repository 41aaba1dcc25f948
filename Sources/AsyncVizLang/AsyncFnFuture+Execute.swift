import AsyncVizRuntime

/// The interpreter loop: runs instructions from `pc` until the fn returns
/// (Ready) or an await cannot finish (Pending, with the frame suspended).
extension AsyncFnFuture {
  ///
  /// `poppingUnit`: the instruction at `start` is a `pop` of the `()` a
  /// yield gives, which was never pushed: it is counted and skipped.
  func execute(from start: Int, _ r: inout Registers, _ cx: inout Context, poppingUnit: Bool = false) -> Poll<
    Value
  > {
    var pc = start
    // Counted in a local (no class access per instruction) and given back to
    // the shared budget before a nested poll, which draws on it too, and on
    // return whichever way this call ends.
    var allowance = run.budget.pointee.allowance
    var budget = allowance
    defer { run.budget.pointee.spend(allowance - max(0, budget)) }
    if poppingUnit {
      budget -= 1
      if budget < 0 { return outOfInstructions(at: pc, &r, &cx) }
      pc += 1
    }
    while true {
      budget -= 1
      if budget < 0 {
        return outOfInstructions(at: pc, &r, &cx)
      }
      // Read through `code` each time rather than held in a local: a local
      // copy of the array retains and releases it on every poll.
      switch code.ops[pc] {
      case .load(let slot):
        r.load(slot)
        pc += 1
        continue
      case .store(let slot):
        r.store(slot)
        pc += 1
        continue
      case .pop:
        r.stack.removeLast()
        pc += 1
        continue
      case .jump(let target):
        pc = target
        continue
      case .countdown(let counter, let exit):
        if let error = r.countdown(counter: counter, exit: exit, &pc) {
          return fail(error.message, at: pc, &r, &cx)
        }
        continue
      case .forNext(let counter, let end, let variable, let exit):
        if let error = r.forNext(counter: counter, end: end, variable: variable, exit: exit, &pc) {
          return fail(error.message, at: pc, &r, &cx)
        }
        continue
      case .awaitYield, .awaitYieldThenPop:
        // What `make` and `awaitInline` do for this future, without a
        // `LangFuture`: the instructions so far go back to the shared
        // budget, the yield is polled one level deeper, and its first poll
        // is always Pending (it defers its wake).
        run.budget.pointee.spend(allowance - budget)
        allowance = 0
        budget = 0
        var future = YieldNow()
        _ = cx.nestedPoll { future.poll(&$0) }
        state = .yielding(pc: pc, future)
        cx.suspend(on: .nothing, line: code.lines[pc])
        return .pending
      case .other:
        if let end = executeOther(&pc, &allowance, &budget, &r, &cx) { return end }
      }
    }
  }

  /// One instruction lowered to `.other`, at `pc`. Returns what `execute`
  /// must return, or nil to go on. Kept out of the loop: inlined there, its
  /// locals made the loop's prologue save a frame of about 2 KB on every
  /// call, the yield's included.
  @inline(never)
  private func executeOther(
    _ pc: inout Int, _ allowance: inout Int, _ budget: inout Int, _ r: inout Registers, _ cx: inout Context
  ) -> Poll<Value>? {
    let instructions = code.instructions
    switch instructions[pc] {
    case .make(let recipe, let argc, let use):
      if case .asyncFn = recipe, !isSpawn(use) {
        // A call run inline makes a frame, and awaiting it nests a poll:
        // it costs as much as dozens of simple instructions, so it counts
        // for `Limits.callCost` and the budget keeps bounding time.
        budget -= Limits.callCost
        if budget < 0 { return outOfInstructions(at: pc, &r, &cx) }
      }
      let args = Array(r.stack.suffix(argc))
      r.stack.removeLast(argc)
      let future: LangFuture
      switch makeFuture(recipe, args, now: cx.now) {
      case .success(let made): future = made
      case .failure(let error): return fail(error.message, at: pc, &r, &cx)
      }
      // A kept future has a line only when recording (see `.push`), so
      // with tracing off there is nothing to report and no loop to run.
      if cx.recording {
        for case .future(let box) in args { reportTaken(box, &cx) }
      }
      switch use {
      case .push(let label):
        // Kept in a local (`let f = g()`) rather than passed on at once:
        // the trace says so, since nothing of it runs until it is awaited.
        var line: Int32 = 0
        if cx.recording, pc + 1 < instructions.count, case .store = instructions[pc + 1] {
          line = code.lines[pc]
          cx.futureMade(line: line, label: label)
        }
        r.stack.append(.future(FutureBox(future, label: label, line: line)))
        pc += 1
      case .spawn(let name):
        guard cx.canSpawn else {
          return fail(
            "spawn refused: \(cx.liveTasks) tasks are alive, the limit (change it with --max-tasks)",
            at: pc, &r, &cx)
        }
        r.stack.append(.handle(TaskHandle(cx.spawn(name, TaskRootFuture(inner: future, run: run)))))
        pc += 1
      case .await:
        if let end = awaitInline(future, &pc, &allowance, &budget, &r, &cx) { return end }
      }
    case .await:
      let value = r.stack.removeLast()
      let taken = awaitable(value)
      if case .future(let box) = value { reportTaken(box, &cx) }
      switch taken {
      case .success(let future):
        if let end = awaitInline(future, &pc, &allowance, &budget, &r, &cx) { return end }
      case .failure(let error):
        return fail(error.message, at: pc, &r, &cx)
      }
    case .plain(let call):
      if let error = runPlain(call, r.stack.removeLast(), line: code.lines[pc], &cx) {
        return fail(error.message, at: pc, &r, &cx)
      }
      r.stack.append(.unit)
      pc += 1
    case .ret:
      let value = r.stack.removeLast()
      state = .done
      r = Registers(locals: [])
      return .ready(value)
    default:
      if let error = run.runPure(instructions[pc], &pc, &r) { return fail(error.message, at: pc, &r, &cx) }
    }
    return nil
  }

  private func isSpawn(_ use: FutureUse) -> Bool {
    if case .spawn = use { return true }
    return false
  }

  /// The await at `pc` of `future`, inside `execute`: gives the instructions
  /// counted so far back to the shared budget (the awaited future draws on
  /// it too), awaits, and on Ready admits and pushes the value and moves
  /// `pc` on. Returns what `execute` must return, or nil to go on.
  @inline(__always)
  private func awaitInline(
    _ future: LangFuture, _ pc: inout Int, _ allowance: inout Int, _ budget: inout Int,
    _ r: inout Registers, _ cx: inout Context
  ) -> Poll<Value>? {
    run.budget.pointee.spend(allowance - budget)
    defer {
      allowance = run.budget.pointee.allowance
      budget = allowance
    }
    switch awaitNow(future, pc: pc, &cx) {
    case .pending: return .pending
    case .ready(let value):
      if let end = push(awaited: value, at: pc, &r, &cx) { return end }
      pc += 1
      return nil
    }
  }

  /// Records the `future_polled` of a kept future once it is taken.
  private func reportTaken(_ box: FutureBox, _ cx: inout Context) {
    guard box.line != 0, box.isTaken, !box.reported else { return }
    box.reported = true
    cx.futurePolled(line: box.line, label: box.label)
  }

  /// `print`, `block` and `work`: they run inside this poll.
  func runPlain(_ call: PlainCall, _ argument: Value, line: Int32, _ cx: inout Context) -> FrameError? {
    switch (call, argument) {
    case (.print, _):
      if let error = run.printLine(argument, { cx.output($0) }) { return error }
    case (.block, .duration(let us)): cx.block(us, line: line)
    case (.work, .duration(let us)): cx.work(us)
    default: return FrameError("`\(call.rawValue)` needs a duration, not \(argument.display)")
    }
    return nil
  }
}
