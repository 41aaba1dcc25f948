import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// A .av program running under the node model: the compiled code and the
/// run's budgets (shared with every model), Node's event loop, and what
/// making a future means there: a promise, started at once, as the
/// translation `asyncviz translate --to node` writes it (docs/translate.md).
final class NodeRun {
  unowned let loop: EventLoop
  let run: ProgramRun
  /// This run's channels (promise-based bounded queues).
  let channels: [NodeChannel]
  /// Async fns whose promise is pending.
  private(set) var liveCalls = 0

  /// The most async fns whose promise may be pending when one more is spawned.
  let maxTasks: Int
  /// The real kernel, when resources are real sockets read in the poll
  /// phase (nil on sim: a resource's reply is a timer, as in the translation).
  let backend: (any ReactorBackend)?

  init(
    loop: EventLoop, run: ProgramRun, channels: [NodeChannel], maxTasks: Int, backend: (any ReactorBackend)?
  ) {
    self.loop = loop
    self.run = run
    self.channels = channels
    self.maxTasks = maxTasks
    self.backend = backend
  }

  /// Whether one more spawned call stays within the task limit.
  var canSpawn: Bool { liveCalls < maxTasks }

  /// Calls main as the first macrotask; its promise's `then` marks the end
  /// of the program, as the translation's harness does.
  func start(main index: Int) {
    loop.onJobStart = { [run] in run.budget.pointee.startPoll(run.limits) }
    // main's id is taken at setup (step 0), as the root task's spawn opens
    // every trace; the call itself is the first macrotask.
    let mainTask = loop.called(run.functions[index].name, by: nil)
    loop.start { [self] in
      let main = call(index, [], task: mainTask)
      main.then(for: mainTask, .mainEnd) { [loop] _ in loop.mainReturned() }
    }
  }

  /// Calls async fn `index`: its frame runs now, up to its first await.
  func call(_ index: Int, _ args: [Value], by caller: TaskID) -> Promise<Value> {
    call(index, args, task: loop.called(run.functions[index].name, by: caller))
  }

  /// Calls async fn `index` as `task` (its promise already named in the trace).
  private func call(_ index: Int, _ args: [Value], task: TaskID) -> Promise<Value> {
    let code = run.functions[index]
    liveCalls += 1
    let frame = NodeFrame(code: code, host: self, task: task, args: args)
    // The limit is raised to allow deeper calls; a stack full before it is
    // reached needs a lower limit, which stops the recursion sooner.
    if loop.callStack.depth >= run.limits.maxCallDepth {
      loop.push(task)
      frame.stop(run.limits.tooDeep("async fn calls", "on the call stack"), at: 0)
      return frame.promise
    }
    if run.budget.pointee.stack.nearlyFull() {
      loop.push(task)
      frame.stop(Limits.stackNearlyFull("async fn calls", depth: loop.callStack.depth), at: 0)
      return frame.promise
    }
    frame.start()
    return frame.promise
  }

  /// Resolves `promise` with `value` (ResolvePromise): a value that is a
  /// promise is adopted (two more microtasks), any other fulfills it.
  func resolve(_ promise: Promise<Value>, with value: Value, for task: TaskID) {
    if case .promise(let other) = value {
      promise.resolve(adopting: other, for: task) { [self] v in resolve(promise, with: v, for: task) }
      return
    }
    guard promise.isPending else { return }
    if case .joinHandle(let owner) = promise.awaited, owner == task {
      liveCalls -= 1
      loop.completed(task)
    }
    promise.fulfill(value)
  }

  /// A run-time error: the line is printed like output; the run ends `error`.
  func fail(_ line: String?, by task: TaskID) {
    loop.fail()
    if let line { loop.record(.output(task: task, text: loop.intern(line))) }
  }

  /// `print`, `block` and `work`: on the only JavaScript thread, now.
  func runPlain(_ call: PlainCall, _ argument: Value, by task: TaskID) -> FrameError? {
    switch (call, argument) {
    case (.print, _):
      if let error = run.printLine(argument, { loop.record(.output(task: task, text: loop.intern($0))) }) {
        return error
      }
    case (.block, .duration(let us)):
      loop.record(.block(task: task, durUs: us, line: 0))  // the node frame does not pass its line yet
      loop.pass(us, blocking: true)
    case (.work, .duration(let us)):
      loop.pass(us)
    default: return FrameError("`\(call.rawValue)` needs a duration, not \(argument.display)")
    }
    return nil
  }

  /// An interned name (the trace's string table keeps each text once).
  func name(_ text: String) -> StringID { loop.intern(text) }
}
