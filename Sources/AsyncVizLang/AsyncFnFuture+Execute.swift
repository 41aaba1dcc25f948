import AsyncVizRuntime

/// The interpreter loop: runs instructions from `pc` until the fn returns
/// (Ready) or an await cannot finish (Pending, with the frame suspended).
extension AsyncFnFuture {
  func execute(from start: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value> {
    var pc = start
    // Counted in a local (no class access per instruction) and given back to
    // the shared budget before a nested poll, which draws on it too, and on
    // return whichever way this call ends.
    var allowance = run.budget.pointee.allowance
    var budget = allowance
    defer { run.budget.pointee.spend(allowance - max(0, budget)) }
    let instructions = code.instructions
    while true {
      budget -= 1
      if budget < 0 {
        return outOfInstructions(at: pc, &r, &cx)
      }
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
        switch use {
        case .push(let label):
          r.stack.append(.future(FutureBox(future, label: label)))
          pc += 1
        case .spawn(let name):
          guard cx.canSpawn else {
            return fail(
              "spawn refused: \(cx.liveTasks) tasks are alive, the limit (change it with --max-tasks)",
              at: pc, &r, &cx)
          }
          r.stack.append(.handle(cx.spawn(name, TaskRootFuture(inner: future, run: run))))
          pc += 1
        case .await:
          if let end = awaitInline(future, &pc, &allowance, &budget, &r, &cx) { return end }
        }
      case .await:
        switch awaitable(r.stack.removeLast()) {
        case .success(let future):
          if let end = awaitInline(future, &pc, &allowance, &budget, &r, &cx) { return end }
        case .failure(let error):
          return fail(error.message, at: pc, &r, &cx)
        }
      case .plain(let call):
        if let error = runPlain(call, r.stack.removeLast(), &cx) {
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
    }
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
      if let failure = cx.failure {
        cx.failure = nil
        return fail(failure, at: pc, &r, &cx)
      }
      if let error = admit(value) { return fail(error.message, at: pc, &r, &cx) }
      r.stack.append(value)
      pc += 1
      return nil
    }
  }

  /// `print`, `block` and `work`: they run inside this poll.
  func runPlain(_ call: PlainCall, _ argument: Value, _ cx: inout Context) -> FrameError? {
    switch (call, argument) {
    case (.print, _):
      let text = argument.display
      if let error = run.budget.pointee.spendLine(text.utf8.count, limits: run.limits) { return error }
      cx.output(text)
    case (.block, .duration(let us)): cx.block(us)
    case (.work, .duration(let us)): cx.work(us)
    default: return FrameError("`\(call.rawValue)` needs a duration, not \(argument.display)")
    }
    return nil
  }
}
