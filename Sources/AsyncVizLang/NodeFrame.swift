import AsyncVizNodeRuntime
import AsyncVizTrace

/// One call of an async fn under the node model: V8's async function. The
/// call runs the body at once, inside the caller, up to its first `await`;
/// an await always suspends (the frame leaves the call stack and its
/// continuation is a microtask once the awaited promise settles); a return
/// resolves the fn's promise. The instructions are the compiled body every
/// model shares; only making, awaiting, plain calls and returning are
/// node's (`NodeRun`).
final class NodeFrame {
  /// `running -> (suspended -> running)* -> done`.
  enum State {
    case running
    /// Waiting at the await at `pc`.
    case suspended(pc: Int)
    case done
  }

  /// The fn's compiled body.
  let code: FunctionCode
  /// The run this call belongs to.
  unowned let host: NodeRun
  /// The call's id in the trace.
  let task: TaskID
  /// The fn's promise: what the caller holds.
  let promise: Promise<Value>
  /// Locals and the value stack while suspended.
  var registers: AsyncFnFuture.Registers
  var state = State.running

  init(code: FunctionCode, host: NodeRun, task: TaskID, args: [Value]) {
    self.code = code
    self.host = host
    self.task = task
    promise = Promise(loop: host.loop, awaited: .joinHandle(task))
    registers = AsyncFnFuture.Registers(call: code, args: args)
  }

  /// The call: the body runs now, on top of the caller's frame.
  func start() {
    host.loop.push(task)
    execute(from: 0)
  }

  /// The microtask after the awaited promise was fulfilled with `value`.
  func resume(_ value: Value) {
    guard case .suspended(let pc) = state else { return }
    state = .running
    host.loop.push(task)
    if let error = AsyncFnFuture.admitted(value) {
      stop(error.message, at: pc)
      return
    }
    registers.stack.append(value)
    execute(from: pc + 1)
  }

  private func execute(from start: Int) {
    let run = host.run
    var r = AsyncFnFuture.Registers(locals: [])
    swap(&r, &registers)
    var pc = start
    let instructions = code.instructions
    while true {
      guard run.budget.pointee.allowance > 0 else {
        registers = r
        stop(run.instructionLimitMessage(.node), at: pc)
        return
      }
      run.budget.pointee.spend(1)
      switch instructions[pc] {
      case .make(let recipe, let argc, let use):
        run.budget.pointee.spendMake(recipe)
        let args = Array(r.stack.suffix(argc))
        r.stack.removeLast(argc)
        if case .spawn = use, !host.canSpawn {
          registers = r
          stop(
            "spawn refused: \(host.liveCalls) async fns are running, the limit (change it with --max-tasks)",
            at: pc)
          return
        }
        switch host.make(recipe, args, by: self) {
        case .success(let promise):
          if case .await = use {
            suspend(on: promise, at: pc, &r)
            return
          }
          r.stack.append(.promise(promise))
          pc += 1
        case .failure(let error):
          registers = r
          stop(error.message, at: pc)
          return
        }
      case .await:
        guard case .promise(let promise) = r.stack.removeLast() else {
          registers = r
          stop("cannot await this value: it is not a promise", at: pc)
          return
        }
        suspend(on: promise, at: pc, &r)
        return
      case .plain(let call):
        if let error = host.runPlain(call, r.stack.removeLast(), by: task) {
          registers = r
          stop(error.message, at: pc)
          return
        }
        r.stack.append(.unit)
        pc += 1
      case .ret:
        let value = r.stack.removeLast()
        finish(value)
        return
      default:
        if let error = run.runPure(instructions[pc], &pc, &r) {
          registers = r
          stop(error.message, at: pc)
          return
        }
      }
    }
  }

  /// `await promise` at `pc`: PerformPromiseThen with the continuation,
  /// and the frame leaves the call stack (its caller, or the loop, goes on).
  private func suspend(on promise: Promise<Value>, at pc: Int, _ r: inout AsyncFnFuture.Registers) {
    swap(&r, &registers)
    state = .suspended(pc: pc)
    host.loop.pop(task, line: code.lines[pc], awaiting: promise.awaited)
    promise.then(for: task, .resume) { [self] value in resume(value) }
  }

  /// The fn returns `value`: it leaves the call stack and its promise is resolved.
  private func finish(_ value: Value) {
    state = .done
    registers = AsyncFnFuture.Registers(locals: [])
    host.loop.pop(task, line: 0, awaiting: .nothing)
    host.resolve(promise, with: value, for: task)
  }

  /// A run-time error at `pc`: the fn stops with an error line and its
  /// promise gives `none`, as under rust.
  func stop(_ message: String?, at pc: Int) {
    let line = pc < code.lines.count ? code.lines[pc] : 0
    host.fail(
      message.flatMap {
        host.run.budget.pointee.errorLine("error: line \(line): \($0); \(code.name) stops here")
      }, by: task)
    finish(.none)
  }
}
