import AsyncVizThreadsRuntime
import AsyncVizTrace

/// One OS thread of the threads model running the program: its call stack
/// of frames (an `await` on an async fn call is a plain call: one frame
/// more), run from instruction to instruction until the thread must enter
/// the kernel (a blocking read, nanosleep, a futex), compute, yield or exit.
/// The instructions are the compiled body every model shares; only making,
/// awaiting, plain calls and returning are the threads model's (`ThreadsRun`).
final class ThreadRunner {
  /// One call on the thread's stack.
  struct Frame {
    let code: FunctionCode
    var pc = 0
    var registers: AsyncFnFuture.Registers
  }

  unowned let host: ThreadsRun
  /// The thread's id (set once the kernel has created it).
  var task = TaskID(UInt32(0))
  var frames: [Frame] = []
  /// A leaf the thread was created to make (a helper thread of join, select
  /// or timeout, or a spawned leaf), made when it first runs.
  var start: (FutureRecipe, [Value])?
  /// The value the thread's blocking call gives once it is woken, read when
  /// it runs again; set by whoever wakes it (or at the block, for a timed one).
  var resume: (() -> Value)?
  /// sched_yield calls still to make (`self_wake(n)`).
  var yieldsLeft = 0
  /// The thread function's result, once it has exited.
  private(set) var result: Value?
  /// Called when the thread exits (pthread_join's futex, helpers' waiters).
  var exitWatchers: [(Value) -> Void] = []

  init(host: ThreadsRun) { self.host = host }

  /// The source line the thread is at.
  var line: Int32 {
    guard let top = frames.last, top.pc < top.code.lines.count else { return 0 }
    return top.code.lines[top.pc]
  }

  /// Pushes a frame for async fn `code` called with `args`.
  func push(_ code: FunctionCode, _ args: [Value]) {
    frames.append(Frame(code: code, registers: AsyncFnFuture.Registers(call: code, args: args)))
  }

  /// The kernel runs the thread: its code runs on to what it does next.
  func next() -> ThreadAction {
    if let (recipe, args) = start {
      start = nil
      if let action = perform(host.make(recipe, args, by: self)) { return action }
    } else if let resume {
      self.resume = nil
      if let action = deliver(resume()) { return action }
    }
    if yieldsLeft > 0 {
      yieldsLeft -= 1
      if yieldsLeft == 0 { resume = { .unit } }
      return .yield(line: line)
    }
    return execute()
  }

  /// What to do with the outcome of making a future: go on, or the action.
  func perform(_ made: Made) -> ThreadAction? {
    switch made {
    case .pushed: return nil
    case .value(let v): return deliver(v)
    case .action(let action): return action
    case .failed(let error): return stop(error.message)
    }
  }

  /// A value for the top frame's pending make or await (its pc moves on);
  /// with no frame left, the thread's function returns it.
  private func deliver(_ value: Value) -> ThreadAction? {
    guard !frames.isEmpty else { return exit(value) }
    let last = frames.count - 1
    if let error = AsyncFnFuture.admitted(value) { return stop(error.message) }
    frames[last].registers.stack.append(value)
    frames[last].pc += 1
    return nil
  }

  /// The thread exits with `value`; its waiters are told once the kernel
  /// has recorded the exit (`exited`).
  private func exit(_ value: Value) -> ThreadAction {
    result = value
    return .exit
  }

  /// After the exit: the futex wakes of whoever waits for this thread.
  func exited() {
    let watchers = exitWatchers
    exitWatchers = []
    for w in watchers { w(result ?? .none) }
  }

  /// Runs the top frame's instructions until the thread blocks, computes or exits.
  private func execute() -> ThreadAction {
    let run = host.run
    while let last = frames.indices.last {
      guard run.budget.pointee.allowance > 0 else {
        if let action = stop(run.instructionLimitMessage(.threads)) { return action }
        continue
      }
      run.budget.pointee.spend(1)
      let pc = frames[last].pc
      switch frames[last].code.instructions[pc] {
      case .make(let recipe, let argc, let use):
        run.budget.pointee.spendMake(recipe)
        let args = Array(frames[last].registers.stack.suffix(argc))
        frames[last].registers.stack.removeLast(argc)
        switch use {
        case .await:
          if let action = perform(host.make(recipe, args, by: self)) { return action }
        case .push(let label):
          frames[last].registers.stack.append(.thread(ThreadFuture(recipe, args, name: label)))
          frames[last].pc += 1
        case .spawn(let name):
          switch host.spawn(recipe, args, name: name, by: task) {
          case .success(let id):
            frames[last].registers.stack.append(.thread(ThreadFuture(thread: id, name: name)))
            frames[last].pc += 1
          case .failure(let error):
            if let action = stop(error.message) { return action }
          }
        }
      case .await:
        let value = frames[last].registers.stack.removeLast()
        if let action = perform(host.awaitValue(value, by: self)) { return action }
      case .plain(let call):
        let argument = frames[last].registers.stack.removeLast()
        switch host.runPlain(call, argument, by: self) {
        case .success(let action):
          frames[last].registers.stack.append(.unit)
          frames[last].pc += 1
          if let action { return action }
        case .failure(let error):
          if let action = stop(error.message) { return action }
        }
      case .ret:
        let value = frames[last].registers.stack.removeLast()
        frames.removeLast()
        if let action = deliver(value) { return action }
      default:
        var p = pc
        var r = frames[last].registers
        frames[last].registers = AsyncFnFuture.Registers(locals: [])
        let error = run.runPure(frames[last].code.instructions[pc], &p, &r)
        frames[last].registers = r
        frames[last].pc = p
        if let error, let action = stop(error.message) { return action }
      }
    }
    return exit(.unit)
  }

  /// A run-time error in the top frame: an error line, and the fn returns
  /// `none` to its caller, as under rust.
  func stop(_ message: String?) -> ThreadAction? {
    let fnName = frames.last?.code.name ?? "the thread"
    host.fail(
      message.flatMap {
        host.run.budget.pointee.errorLine("error: line \(line): \($0); \(fnName) stops here")
      }, by: task)
    if !frames.isEmpty { frames.removeLast() }
    return deliver(.none)
  }
}

/// What making (or awaiting) a future did in the awaiting thread.
enum Made {
  /// An async fn's frame was pushed: the thread goes on in it.
  case pushed
  /// The value is there at once.
  case value(Value)
  /// The thread blocks, yields or computes; `resume` gives the value later.
  case action(ThreadAction)
  case failed(FrameError)
}
