import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace

/// What awaiting each kind of future does in a thread: the blocking calls a
/// threaded program makes instead.
extension ThreadsRun {
  /// Makes the call `recipe` in `runner`'s thread, now.
  func make(_ recipe: FutureRecipe, _ args: [Value], by runner: ThreadRunner) -> Made {
    let line = runner.line
    switch recipe {
    case .asyncFn(let index):
      guard runner.frames.count < run.limits.maxCallDepth else {
        return .failed(FrameError(run.limits.tooDeep("calls", "on the thread's stack")))
      }
      runner.push(run.functions[index], args)
      return .pushed
    case .resource(let r, let op):
      // A blocking write of the request, then a read that sleeps in the
      // kernel until the reply arrives, the resource's latency later.
      let argument: String
      switch run.requestArgument(args) {
      case .success(let text): argument = text
      case .failure(let error): return .failed(error)
      }
      let resource = run.resources[r]
      let reply = resource.reply(op: op, argument: argument)
      kernel.record(
        .ioSend(
          task: runner.task, fd: socket(runner.task, resource: r), resource: name(resource.name), op: name(op)
        ))
      runner.resume = { .string(reply) }
      // A real kernel hands over the reply the server sent instead.
      let request = ResourceRequest(
        resource: r, op: op, argument: argument, latencyUs: resource.latencyUs
      ) { [unowned runner] sent in runner.resume = { .string(sent) } }
      return .action(
        .request(line: line, awaiting: .resourceCall(resource: name(resource.name), op: name(op)), request))
    case .channel(let c, .send):
      return channels[c].send(args[0], by: runner, in: self)
    case .channel(let c, .recv):
      return channels[c].recv(by: runner, in: self)
    case .builtin(let builtin):
      return makeBuiltin(builtin, args, by: runner, line: line)
    }
  }

  /// `await value`: an unmade call is made here; a thread is joined.
  func awaitValue(_ value: Value, by runner: ThreadRunner) -> Made {
    guard case .thread(let future) = value else {
      return .failed(FrameError("cannot await \(value.display): it is not a future"))
    }
    switch future.state {
    case .unmade(let recipe, let args):
      future.state = .used
      return make(recipe, args, by: runner)
    case .thread(let id):
      // pthread_join: a futex wait until the thread exits.
      return wait(for: [id], by: runner, awaiting: .joinHandle(id), line: runner.line) { $0[0] ?? .none }
    case .used:
      return .failed(FrameError("this future was awaited already"))
    }
  }

  private func makeBuiltin(_ builtin: BuiltinFuture, _ args: [Value], by runner: ThreadRunner, line: Int32)
    -> Made
  {
    switch builtin {
    case .sleep:
      guard case .duration(let us) = args[0] else { return .failed(FrameError("`sleep` needs a duration")) }
      // nanosleep: the thread sleeps in the kernel until the deadline.
      kernel.record(.timerSet(task: runner.task, deadlineUs: kernel.now + us))
      runner.resume = { .unit }
      return .action(.block(line: line, awaiting: .sleep, afterUs: us))
    case .yieldNow:
      runner.resume = { .unit }
      return .action(.yield(line: line))
    case .lostWaker:
      // A futex wait nobody will ever wake.
      return .action(.block(line: line, awaiting: .lostWaker, afterUs: nil))
    case .selfWake:
      guard case .int(let n) = args[0] else { return .failed(FrameError("`self_wake` needs a whole number")) }
      guard n > 0 else { return .value(.unit) }
      runner.yieldsLeft = Int(clamping: n)
      return .action(.yield(line: line))
    case .join:
      return helpers(args, by: runner).map { ids in
        wait(for: ids, by: runner, awaiting: .join, line: line) { .list($0.map { $0 ?? .none }) }
      }
    case .select:
      return helpers(args, by: runner).map { ids in
        wait(for: ids, by: runner, awaiting: .select, line: line, any: true) { results in
          let i = results.firstIndex { $0 != nil } ?? 0
          return .list([.int(Int64(i)), results[i] ?? .none])
        }
      }
    case .timeout:
      guard case .duration(let us) = args[0] else {
        return .failed(FrameError("`timeout` needs a duration first"))
      }
      return helpers([args[1]], by: runner).map { ids in
        wait(for: ids, by: runner, awaiting: .timeout, line: line, any: true, afterUs: us) { $0[0] ?? .none }
      }
    }
  }

  /// A thread for each future among `values` (an unmade call gets a helper
  /// thread; a spawned thread is itself).
  private func helpers(_ values: [Value], by runner: ThreadRunner) -> HelperResult {
    var ids: [TaskID] = []
    for v in values {
      guard case .thread(let future) = v else {
        return .failed(FrameError("cannot await \(v.display): it is not a future"))
      }
      switch future.state {
      case .unmade(let recipe, let args):
        future.state = .used
        guard kernel.liveThreads < maxThreads else {
          return .failed(FrameError("a helper thread was refused: \(kernel.liveThreads) threads are running"))
        }
        ids.append(create(helper(recipe, args), name: HelperUnits.thread(for: future.name), by: runner.task))
      case .thread(let id):
        ids.append(id)
      case .used:
        return .failed(FrameError("this future was awaited already"))
      }
    }
    return .ids(ids)
  }

  /// Blocks `runner` on a futex until every thread of `ids` exited (or the
  /// first, with `any`; or `afterUs` passed: then the value is `none` and
  /// the threads run on). `value` makes the result from the threads' results.
  private func wait(
    for ids: [TaskID], by runner: ThreadRunner, awaiting: Awaited, line: Int32, any: Bool = false,
    afterUs: Int64? = nil, value: @escaping ([Value?]) -> Value
  ) -> Made {
    let group = WaitGroup(count: ids.count)
    for (i, id) in ids.enumerated() {
      let thread = runnerOf(id)
      if let result = thread.result { group.results[i] = result }
    }
    if group.done(any: any) { return .value(value(group.results)) }
    for (i, id) in ids.enumerated() where group.results[i] == nil {
      runnerOf(id).exitWatchers.append { [kernel, unowned runner] (result: Value) in
        guard !group.over else { return }
        group.results[i] = result
        if group.done(any: any) {
          group.over = true
          runner.resume = { value(group.results) }
          kernel.wake(runner.task)
        }
      }
    }
    runner.resume = {
      // Woken by the timeout's expiry: the losers keep running.
      group.over = true
      return .none
    }
    return .action(.block(line: line, awaiting: awaiting, afterUs: afterUs))
  }
}

/// The threads a join, select or timeout waits for.
enum HelperResult {
  case ids([TaskID])
  case failed(FrameError)

  func map(_ f: ([TaskID]) -> Made) -> Made {
    switch self {
    case .ids(let ids): f(ids)
    case .failed(let error): .failed(error)
    }
  }
}

/// The results a futex waiter collects from the threads it waits for.
private final class WaitGroup {
  var results: [Value?]
  /// Set once the waiter was woken (or timed out): later exits change nothing.
  var over = false
  init(count: Int) { results = Array(repeating: nil, count: count) }

  func done(any: Bool) -> Bool {
    any ? results.contains { $0 != nil } : results.allSatisfy { $0 != nil }
  }
}
