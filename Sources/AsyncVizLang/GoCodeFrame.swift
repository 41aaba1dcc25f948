import AsyncVizGoRuntime
import AsyncVizTrace

/// One call of an async fn under the go model: a plain Go function call on
/// the goroutine's stack. `await f()` pushes the callee's frame on the same
/// goroutine; waiting (a timer, a channel, the netpoller) parks the whole
/// goroutine. The instructions are the compiled body every model shares;
/// only making, awaiting, plain calls and returning are go's (`GoRun`).
final class GoCodeFrame: GoFrame {
  let code: FunctionCode
  var registers: AsyncFnFuture.Registers
  /// The instruction it waits at (a call, an await or a plain call), if any.
  private var waitingAt: Int?
  private var pc = 0

  init(code: FunctionCode, args: [Value]) {
    self.code = code
    registers = AsyncFnFuture.Registers(call: code, args: args)
  }

  func advance(_ g: Goroutine, _ input: Value?) -> GoAdvance {
    let host = g.host
    let run = host.run
    var r = AsyncFnFuture.Registers(locals: [])
    swap(&r, &registers)
    defer { swap(&r, &registers) }
    if let at = waitingAt {
      waitingAt = nil
      let value = input ?? .unit
      if let error = AsyncFnFuture.admitted(value) { return stop(error.message, g) }
      r.stack.append(value)
      pc = at + 1
    }
    let instructions = code.instructions
    while true {
      guard run.budget.pointee.allowance > 0 else { return stop(run.instructionLimitMessage(.go), g) }
      run.budget.pointee.spend(1)
      let line = code.lines[pc]
      switch instructions[pc] {
      case .make(let recipe, let argc, let use):
        run.budget.pointee.spendMake(recipe)
        let args = Array(r.stack.suffix(argc))
        r.stack.removeLast(argc)
        let made = GoFunc(recipe: recipe, args: args)
        switch use {
        case .push:
          r.stack.append(.goFunc(made))
          pc += 1
        case .spawn(let name):
          guard host.canSpawn else {
            return stop(
              "spawn refused: \(host.sched.liveGoroutines) goroutines are running, the limit (change it with --max-tasks)",
              g)
          }
          r.stack.append(.goHandle(host.spawn(.goFunc(made), name: name)))
          pc += 1
        case .await:
          if let away = take(host.invoke(made, on: g, line: line), &r) { return away }
        }
      case .await:
        if let away = take(host.awaitValue(r.stack.removeLast(), on: g, line: line), &r) { return away }
      case .plain(let call):
        switch host.runPlain(call, r.stack.removeLast(), on: g) {
        case .failure(let error): return stop(error.message, g)
        case .success(true):
          waitingAt = pc
          return .stopped
        case .success(false):
          r.stack.append(.unit)
          pc += 1
        }
      case .ret:
        return .returned(r.stack.removeLast())
      default:
        if let error = run.runPure(instructions[pc], &pc, &r) { return stop(error.message, g) }
      }
    }
  }

  /// What an await at `pc` gave: a value goes on the stack and the body goes
  /// on (nil); otherwise the frame waits at `pc` and gives the goroutine back.
  private func take(_ result: GoAdvance, _ r: inout AsyncFnFuture.Registers) -> GoAdvance? {
    switch result {
    case .returned(let v):
      r.stack.append(v)
      pc += 1
      return nil
    case .pushed, .stopped:
      waitingAt = pc
      return result
    }
  }

  /// A run-time error: the fn stops with an error line and gives `none`, as under rust.
  private func stop(_ message: String?, _ g: Goroutine) -> GoAdvance {
    let line = pc < code.lines.count ? code.lines[pc] : 0
    g.host.fail(
      message.flatMap {
        g.host.run.budget.pointee.errorLine("error: line \(line): \($0); \(code.name) stops here")
      }, on: g)
    return .returned(.none)
  }
}
