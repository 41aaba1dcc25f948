import AsyncVizRuntime

/// The state machine of one call of an async fn: Rust compiles an `async fn`
/// into such a machine, with one state per `.await` point.
///
/// Here the fn's body is a flat instruction list, and the state is the
/// program counter of the await the frame is suspended at, together with the
/// future it awaits; locals and the value stack live in the frame. Calling
/// the fn only creates the frame (`fresh`): nothing runs until it is polled.
///
/// A class because frames nest (an await on another call holds that call's
/// frame); a `FutureBox` guarantees each frame has one owner.
final class AsyncFnFuture: Future {
  typealias Output = Value

  /// `fresh -> running -> (suspended -> running)* -> done`.
  ///
  /// Plain data (the future a suspended frame awaits is kept beside it, in
  /// `awaited`): every poll sets the state at least twice, and assigning
  /// over a state holding a `LangFuture` calls its outlined destroy, about
  /// 40 instructions per resumption (callgrind).
  enum State {
    /// Made by a call; not polled yet.
    case fresh
    /// Inside `poll`, executing instructions.
    case running
    /// Returned Pending at the await at `pc`, waiting on `awaited`.
    case suspended(pc: Int)
    /// Returned Pending at `await yield_now()` at `pc`. The commonest await
    /// of a busy program keeps its future here, not in a `LangFuture`:
    /// making, moving and destroying one cost about 400 instructions per
    /// resumption of the yield workload (callgrind).
    case yielding(pc: Int, YieldNow)
    /// Returned Ready (or stopped by a run-time error).
    case done
  }

  /// What the instructions work on. Moved into a local while the frame runs,
  /// so the interpreter loop touches no class property (each access to one
  /// would cost a dynamic exclusivity check).
  struct Registers {
    /// Parameters first, then every `let` and hidden loop counter.
    var locals: [Value]
    /// Operands of the instruction being executed; kept across an await.
    var stack: [Value] = []
  }

  /// The fn's compiled body, shared by every call.
  let code: FunctionCode
  /// The run this frame belongs to: resources, channels, limits.
  let run: ProgramRun
  /// The registers while the frame is not running; nil while it runs.
  var registers: Registers?
  /// Where the state machine is; see `State`.
  var state = State.fresh
  /// The future a `suspended` frame awaits; nil in every other state.
  var awaited: LangFuture?

  init(code: FunctionCode, run: ProgramRun, args: [Value]) {
    self.code = code
    self.run = run
    registers = Registers(call: code, args: args)
  }

  func poll(_ cx: inout Context) -> Poll<Value> {
    // Moved out, not swapped with empty placeholder registers: destroying
    // the placeholders released two arrays on every poll, about 36
    // instructions (callgrind).
    guard var r = registers.take() else {
      // Only while the frame runs. A frame cannot await itself (a name is
      // not visible in its own `let`), so only a runtime bug gets here;
      // stop the frame rather than loop.
      var none = Registers(locals: [])
      return fail("this async fn was polled while it was already running", at: 0, &none, &cx)
    }
    // Where to start is worked out first, so that the interpreter loop has
    // one call site.
    let result =
      switch resumption(&r, &cx) {
      case .run(let pc, let poppingUnit): execute(from: pc, &r, &cx, poppingUnit: poppingUnit)
      case .end(let result): result
      }
    registers = consume r
    return result
  }

  /// Where a poll resumes the frame's instructions, or what it gives
  /// without running any.
  private enum Resumption {
    /// Run from `pc`; `poppingUnit` as in `execute`.
    case run(pc: Int, poppingUnit: Bool)
    case end(Poll<Value>)
  }

  /// The start of a poll, up to the first instruction it runs. Inlined: as
  /// a function of its own, the call and the `Resumption` passed back
  /// through memory cost about 30 instructions per poll (callgrind).
  @inline(__always)
  private func resumption(_ r: inout Registers, _ cx: inout Context) -> Resumption {
    // Every nested poll (an awaited call, and each join, select or timeout
    // around it) takes stack; past the limit the frame stops before running,
    // so no program can overflow the stack, however it nests its futures
    // (the stack guard covers a large --max-depth on a small stack).
    if cx.nesting > run.limits.maxCallDepth + 1 {
      cancel(&cx)
      return .end(
        fail(
          run.limits.tooDeep(
            "futures", "inside one poll",
            counting: "each awaited async fn call and each join, select or timeout counts; "), at: 0, &r, &cx)
      )
    }
    if run.budget.pointee.stack.nearlyFull() {
      cancel(&cx)
      return .end(
        fail(Limits.stackNearlyFull("futures", depth: cx.nesting - 1, " inside one poll"), at: 0, &r, &cx))
    }
    let current = state
    state = .running
    switch current {
    case .fresh:
      return .run(pc: 0, poppingUnit: false)
    case .suspended(let at):
      // The awaited future is moved out, not copied: a copy of its payload
      // goes through runtime metadata, about 200 instructions per resume
      // (callgrind). It is polled in place (not through `awaitNow`, which
      // would copy it once more on every resume).
      var taken: LangFuture?
      swap(&taken, &awaited)
      guard var future = consume taken else {
        return .end(fail("this async fn was suspended without a future to await", at: at, &r, &cx))
      }
      switch future.poll(&cx) {
      case .pending:
        awaited = consume future
        state = .suspended(pc: at)
        cx.suspend(on: .nothing, line: code.lines[at])
        return .end(.pending)
      case .ready(let value):
        if let end = push(awaited: value, at: at, &r, &cx) { return .end(end) }
        return .run(pc: at + 1, poppingUnit: false)
      }
    case .yielding(let at, var future):
      switch cx.nestedPoll({ future.poll(&$0) }) {
      case .pending:
        state = .yielding(pc: at, future)
        cx.suspend(on: .nothing, line: code.lines[at])
        return .end(.pending)
      case .ready:
        // A yield gives `()`, sets no failure and needs no admission; a
        // yield statement's `pop` of it is only counted.
        if case .awaitYieldThenPop = code.ops[at] { return .run(pc: at + 1, poppingUnit: true) }
        r.stack.append(.unit)
        return .run(pc: at + 1, poppingUnit: false)
      }
    case .running:
      // Unreachable: a running frame's registers are out (see `poll`).
      return .end(fail("this async fn was polled while it was already running", at: 0, &r, &cx))
    case .done:
      state = .done
      return .end(.ready(.none))
    }
  }

  func cancel(_ cx: inout Context) {
    // A yield holds nothing to give back.
    state = .done
    var taken: LangFuture?
    swap(&taken, &awaited)
    if var future = consume taken { future.cancel(&cx) }
  }

  /// Awaits `future` at once, as `.await` does in Rust: polls it now and
  /// either gives its value or suspends the frame at `pc`.
  func awaitNow(_ future: LangFuture, pc: Int, _ cx: inout Context) -> Poll<Value> {
    var future = future
    let result = future.poll(&cx)
    if case .pending = result {
      awaited = consume future
      state = .suspended(pc: pc)
      cx.suspend(on: .nothing, line: code.lines[pc])
    }
    return result
  }

  /// Pushes the value of the future awaited at `pc`, unless that future
  /// left a failure in the context or the value is refused (`admit`): then
  /// gives what the frame returns.
  func push(awaited value: Value, at pc: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value>? {
    if let failure = cx.failure {
      cx.failure = nil
      return fail(failure, at: pc, &r, &cx)
    }
    if let error = admit(value) { return fail(error.message, at: pc, &r, &cx) }
    r.stack.append(value)
    return nil
  }

  /// Stops this frame with a message in the trace: a run-time error (or a
  /// limit) the checker could not rule out. The frame gives `none`.
  func fail(_ message: String?, at pc: Int, _ r: inout Registers, _ cx: inout Context) -> Poll<Value> {
    let line = pc < code.lines.count ? code.lines[pc] : 0
    cx.fail(
      message.flatMap { run.budget.pointee.errorLine("error: line \(line): \($0); \(code.name) stops here") })
    state = .done
    r = Registers(locals: [])
    return .ready(.none)
  }

  /// Takes the future out of a value being awaited or joined.
  func awaitable(_ value: Value) -> Result<LangFuture, FrameError> {
    switch value {
    case .future(let box):
      guard let future = box.take() else {
        return .failure(FrameError("the future \(box.label) was already awaited: a future runs once"))
      }
      return .success(future)
    case .handle(let h):
      return .success(LangFuture(.handle(h.handle)))
    default:
      return .failure(FrameError("cannot await \(value.display): it is not a future"))
    }
  }
}

/// A run-time error inside a frame.
struct FrameError: Error {
  /// What went wrong, for the error line in the trace.
  let message: String
  init(_ message: String) { self.message = message }
}

extension AsyncFnFuture.Registers {
  /// A call's registers, for every model's frame: the arguments in the first
  /// locals, every other slot `()` until the body stores it.
  init(call code: FunctionCode, args: [Value]) {
    var locals = args
    if code.slotCount > args.count {
      locals.append(contentsOf: repeatElement(Value.unit, count: code.slotCount - args.count))
    }
    self.init(locals: locals)
  }
}
