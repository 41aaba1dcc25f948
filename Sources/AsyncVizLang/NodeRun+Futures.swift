import AsyncVizNodeRuntime
import AsyncVizRuntime
import AsyncVizTrace

/// What making each kind of future does under the node model: the promise
/// the translation's JavaScript makes, with the same microtasks (each `then`
/// and each `await` one job after the promise settles).
extension NodeRun {
  func make(_ recipe: FutureRecipe, _ args: [Value], by frame: NodeFrame) -> Result<
    Promise<Value>, FrameError
  > {
    let task = frame.task
    switch recipe {
    case .asyncFn(let index):
      return .success(call(index, args, by: task))
    case .resource(let r, let op):
      return run.requestArgument(args).map { request(run.resources[r], op: op, argument: $0, by: task) }
    case .channel(let c, .send):
      return .success(channels[c].send(args[0], run: self, by: task))
    case .channel(let c, .recv):
      return .success(channels[c].recv(run: self, by: task))
    case .builtin(let builtin):
      return makeBuiltin(builtin, args, by: task)
    }
  }

  /// `async function op(text) { await sleep(latency); return reply(...) }`:
  /// the request leaves at the call; on sim a timer stands in for the
  /// server's latency (the translation's choice, so that model and oracle
  /// meet the same phases); the reply fulfills the call's promise one job
  /// after it. On epoll the reply is read from a real socket (`read`).
  private func request(_ resource: ResourceSpec, op: String, argument: String, by task: TaskID) -> Promise<
    Value
  > {
    let promise = Promise<Value>(
      loop: loop, awaited: .resourceCall(resource: name(resource.name), op: name(op)))
    if let backend {
      read(resource, op: op, argument: argument, on: backend, by: task)
        .then(for: task, .reply) { value in promise.fulfill(value) }
      return promise
    }
    let reply = resource.reply(op: op, argument: argument)
    sleep(resource.latencyUs, for: .latency, by: task).then(for: task, .reply) { _ in
      promise.fulfill(.string(reply))
    }
    return promise
  }

  /// On the epoll backend: the request goes out on a real socket at the
  /// call, the socket joins the poll phase's interest list, and the reply
  /// read in the poll phase fulfills the returned promise (then the
  /// operation's promise, one job later, as `await read(); return reply`).
  private func read(
    _ resource: ResourceSpec, op: String, argument: String, on backend: any ReactorBackend, by task: TaskID
  ) -> Promise<Value> {
    let reply = Promise<Value>(
      loop: loop, awaited: .resourceCall(resource: name(resource.name), op: name(op)))
    let fd: Int32
    switch backend.connect(resource: resource, op: op, argument: argument) {
    case .success(let opened): fd = opened
    case .failure(let error):
      // The request could not even be made: the run failed, and says so.
      fail(
        run.budget.pointee.errorLine("error: \(resource.name).\(op) could not be sent: \(error.message)"),
        by: task)
      reply.fulfill(.none)
      return reply
    }
    loop.record(.ioSend(task: task, fd: fd, resource: name(resource.name), op: name(op)))
    if case .failure(let error) = backend.watch(fd: fd, interest: .read) {
      fail(run.budget.pointee.errorLine("error: \(resource.name).\(op): \(error.message)"), by: task)
      backend.close(fd: fd)
      reply.fulfill(.none)
      return reply
    }
    loop.watch(fd: fd, for: task) { [self] in
      switch backend.receive(fd: fd) {
      case .wouldBlock: return
      case .data(let text):
        loop.unwatch(fd: fd)
        backend.close(fd: fd)
        reply.fulfill(.string(text))
      case .failed(let why):
        loop.unwatch(fd: fd)
        backend.close(fd: fd)
        reply.fulfill(.string("error: \(why)"))
      }
    }
    return reply
  }

  /// `new Promise(r => setTimeout(r, us / 1000))`, for `purpose` (a sleep,
  /// timeout's timer, or a resource call's latency: the trace says which).
  func sleep(_ us: Int64, for purpose: TimerPurpose, by task: TaskID) -> Promise<Value> {
    let promise = Promise<Value>(loop: loop, awaited: .sleep)
    loop.setTimeout(for: task, us: us, purpose: purpose) { promise.fulfill(.unit) }
    return promise
  }

  /// `new Promise(r => setImmediate(r))`.
  private func yieldNow(by task: TaskID) -> Promise<Value> {
    let promise = Promise<Value>(loop: loop, awaited: .yieldNow)
    loop.setImmediate(for: task) { promise.fulfill(.unit) }
    return promise
  }

  private func makeBuiltin(_ builtin: BuiltinFuture, _ args: [Value], by task: TaskID) -> Result<
    Promise<Value>, FrameError
  > {
    switch builtin {
    case .sleep:
      guard case .duration(let us) = args[0] else { return .failure(FrameError("`sleep` needs a duration")) }
      return .success(sleep(us, for: .sleep, by: task))
    case .yieldNow:
      return .success(yieldNow(by: task))
    case .lostWaker:
      return .success(Promise(loop: loop, awaited: .lostWaker))
    case .selfWake:
      guard case .int(let n) = args[0] else {
        return .failure(FrameError("`self_wake` needs a whole number"))
      }
      let promise = Promise<Value>(loop: loop, awaited: .selfWake)
      selfWake(Int(clamping: n), promise, by: task)
      return .success(promise)
    case .join:
      return promises(args).map { all($0, by: task) }
    case .select:
      return promises(args).map { race($0, by: task) }
    case .timeout:
      guard case .duration(let us) = args[0] else {
        return .failure(FrameError("`timeout` needs a duration first"))
      }
      return promises([args[1]]).map { inner in
        // `Promise.race([future, sleep(us).then(() => NONE)])`.
        let expired = Promise<Value>(loop: loop, awaited: .timeout)
        sleep(us, for: .timeout, by: task).then(for: task, .expire) { [self] _ in
          resolve(expired, with: .none, for: task)
        }
        return race([inner[0], expired], by: task, awaited: .timeout)
      }
    }
  }

  /// `async function selfWake(n) { for (...) await yieldNow(); return UNIT; }`.
  private func selfWake(_ left: Int, _ promise: Promise<Value>, by task: TaskID) {
    guard left > 0 else {
      promise.fulfill(.unit)
      return
    }
    yieldNow(by: task).then(for: task, .selfWake) { [self] _ in selfWake(left - 1, promise, by: task) }
  }

  /// `Promise.all(promises)`: each element's value is stored by a reaction;
  /// the last one fulfills the result with the list.
  private func all(_ promises: [Promise<Value>], by task: TaskID) -> Promise<Value> {
    let result = Promise<Value>(loop: loop, awaited: .join)
    let values = JoinValues(count: promises.count)
    for (i, p) in promises.enumerated() {
      p.then(for: task, .all) { v in
        values.items[i] = v
        values.left -= 1
        if values.left == 0 { result.fulfill(.list(values.items)) }
      }
    }
    return result
  }

  /// `select`: `Promise.race(futures.map((f, i) => f.then(v => [i, v])))`.
  private func race(_ promises: [Promise<Value>], by task: TaskID) -> Promise<Value> {
    var tagged: [Promise<Value>] = []
    for (i, p) in promises.enumerated() {
      let tag = Promise<Value>(loop: loop, awaited: .select)
      p.then(for: task, .tag) { [self] v in resolve(tag, with: .list([.int(Int64(i)), v]), for: task) }
      tagged.append(tag)
    }
    return race(tagged, by: task, awaited: .select)
  }

  /// `Promise.race(promises)`: the first to settle resolves it; the others
  /// run on (nothing cancels a promise) and their values are ignored.
  private func race(_ promises: [Promise<Value>], by task: TaskID, awaited: Awaited) -> Promise<Value> {
    let result = Promise<Value>(loop: loop, awaited: awaited)
    let claim = RaceClaim()
    for p in promises {
      p.then(for: task, racing: claim) { [self] v in resolve(result, with: v, for: task) }
    }
    return result
  }

  /// The promises among `values` (every future and handle is one under node).
  private func promises(_ values: [Value]) -> Result<[Promise<Value>], FrameError> {
    var out: [Promise<Value>] = []
    for v in values {
      guard case .promise(let p) = v else {
        return .failure(FrameError("cannot await \(v.display): it is not a promise"))
      }
      out.append(p)
    }
    return .success(out)
  }
}

/// The values `Promise.all` gathers, shared by its element reactions.
private final class JoinValues {
  var items: [Value]
  var left: Int
  init(count: Int) {
    items = Array(repeating: .unit, count: count)
    left = count
  }
}
