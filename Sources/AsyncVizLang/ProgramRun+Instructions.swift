/// The instructions that only move values between a frame's locals and its
/// stack, or jump: the same for every model, so every model's frame runs
/// them through this one function (a model decides only what making,
/// awaiting and plain calls do, and what a return settles).
extension ProgramRun {
  /// Runs `instruction` at `pc` on `r` and moves `pc` on; returns the error
  /// instead (leaving `pc` at the failing instruction). The caller handles
  /// `make`, `await`, `plain` and `ret` itself and never passes them here.
  @inline(__always)
  func runPure(_ instruction: Instruction, _ pc: inout Int, _ r: inout AsyncFnFuture.Registers) -> FrameError?
  {
    switch instruction {
    case .constant(let c):
      r.stack.append(Value(c))
      pc += 1
    case .interpolate(let pieces):
      switch interpolate(pieces, r.locals) {
      case .success(let text): r.stack.append(.string(text))
      case .failure(let error): return error
      }
      pc += 1
    case .load(let slot):
      r.load(slot)
      pc += 1
    case .store(let slot):
      r.store(slot)
      pc += 1
    case .pop:
      r.stack.removeLast()
      pc += 1
    case .index(let i):
      guard case .list(let items) = r.stack.removeLast(), i < items.count else {
        return FrameError("index \(i) is out of range")
      }
      r.stack.append(items[i])
      pc += 1
    case .branchUnless(let op, let target):
      let rhs = r.stack.removeLast()
      let lhs = r.stack.removeLast()
      let holds = Value.equal(lhs, rhs) == (op == .equal)
      pc = holds ? pc + 1 : target
    case .jump(let target):
      pc = target
    case .countdown(let counter, let exit):
      if let error = r.countdown(counter: counter, exit: exit, &pc) { return error }
    case .forNext(let counter, let end, let variable, let exit):
      if let error = r.forNext(counter: counter, end: end, variable: variable, exit: exit, &pc) {
        return error
      }
    case .make, .await, .plain, .ret:
      preconditionFailure("a model's frame runs \(instruction) itself")
    }
    return nil
  }

  /// `print`, the same under every model: `argument` as it shows, counted
  /// as a line against the run's output budget, then handed to `write` (the
  /// model records it); the budget's refusal instead once it is spent.
  func printLine(_ argument: Value, _ write: (String) -> Void) -> FrameError? {
    let text = argument.display
    if let error = budget.pointee.spendLine(text.utf8.count, limits: limits) { return error }
    write(text)
    return nil
  }

  /// A resource call's request text, the same under every model: the
  /// arguments as `print` shows them, joined by ", ", counted against the
  /// run's text budget.
  func requestArgument(_ args: [Value]) -> Result<String, FrameError> {
    let argument = args.map(\.display).joined(separator: ", ")
    if let error = budget.pointee.spendText(argument.utf8.count, limits: limits) { return .failure(error) }
    return .success(argument)
  }

  /// Builds an interpolated string, stopping as soon as it is too long.
  func interpolate(_ pieces: [Piece], _ locals: [Value]) -> Result<String, FrameError> {
    var text = ""
    for piece in pieces {
      switch piece {
      case .text(let t): text += t
      case .local(let slot): text += locals[slot].display
      }
      if text.utf8.count > Limits.maxStringBytes { break }
    }
    if let error = budget.pointee.spendText(text.utf8.count, limits: limits) {
      return .failure(error)
    }
    return .success(text)
  }
}

/// The loop and local instructions, on a frame's registers: written once for
/// `runPure` (every model) and the Rust model's loop over `Op`s.
extension AsyncFnFuture.Registers {
  @inline(__always)
  mutating func load(_ slot: Int) { stack.append(locals[slot]) }

  @inline(__always)
  mutating func store(_ slot: Int) { locals[slot] = stack.removeLast() }

  /// `repeat`: jumps to `exit` when the counter is 0, else decrements it.
  @inline(__always)
  mutating func countdown(counter: Int, exit: Int, _ pc: inout Int) -> FrameError? {
    guard case .int(let left) = locals[counter] else {
      return FrameError("`repeat` needs a whole number")
    }
    if left <= 0 {
      pc = exit
    } else {
      locals[counter] = .int(left - 1)
      pc += 1
    }
    return nil
  }

  /// `for`: jumps to `exit` when counter >= end; else variable = counter, counter += 1.
  @inline(__always)
  mutating func forNext(counter: Int, end: Int, variable: Int, exit: Int, _ pc: inout Int) -> FrameError? {
    guard case .int(let i) = locals[counter], case .int(let last) = locals[end] else {
      return FrameError("a `for` range needs whole numbers")
    }
    if i >= last {
      pc = exit
    } else {
      locals[variable] = .int(i)
      locals[counter] = .int(i + 1)
      pc += 1
    }
    return nil
  }
}
