import AsyncVizRuntime

/// Making futures: what a call of an async fn, a resource operation, a
/// channel operation or a built-in future evaluates to. Making one does
/// nothing else: no request is sent, no timer is armed, until it is polled.
/// Only `sleep` and `timeout` read the clock when made: their deadline is
/// `now + D` at the call, as in tokio (`Instant::now() + duration`).
extension AsyncFnFuture {
  func makeFuture(
    _ recipe: FutureRecipe, _ args: [Value], spawned: Bool, now: Int64
  ) -> Result<LangFuture, FrameError> {
    switch recipe {
    case .asyncFn(let index):
      // A spawned call starts a new task, polled from the executor, so it
      // does not nest inside this frame's poll.
      let depth = spawned ? 0 : depth + 1
      guard depth <= run.limits.maxCallDepth else {
        return .failure(
          FrameError(
            "async fn calls nest more than \(run.limits.maxCallDepth) deep (a recursion that never ends?)"))
      }
      return .success(LangFuture(.asyncFn(run.call(index, args, depth: depth))))
    case .resource(let r, let op):
      let argument = args.map(\.display).joined(separator: ", ")
      if let error = run.budget.pointee.spendText(argument.utf8.count, limits: run.limits) {
        return .failure(error)
      }
      return .success(
        LangFuture(.resource(ResourceCall(resource: run.resources[r], op: op, argument: argument))))
    case .channel(let c, .send):
      return .success(LangFuture(.send(run.channels[c].send(args[0]))))
    case .channel(let c, .recv):
      return .success(LangFuture(.recv(run.channels[c].recv())))
    case .builtin(let builtin):
      return makeBuiltin(builtin, args, now: now)
    }
  }

  private func makeBuiltin(_ builtin: BuiltinFuture, _ args: [Value], now: Int64) -> Result<
    LangFuture, FrameError
  > {
    switch builtin {
    case .sleep:
      guard case .duration(let us) = args[0] else { return .failure(FrameError("`sleep` needs a duration")) }
      return .success(LangFuture(.sleep(Sleep(durationUs: us, from: now))))
    case .yieldNow:
      return .success(LangFuture(.yieldNow(YieldNow())))
    case .lostWaker:
      return .success(LangFuture(.lostWaker(LostWaker())))
    case .selfWake:
      guard case .int(let n) = args[0] else {
        return .failure(FrameError("`self_wake` needs a whole number"))
      }
      return .success(LangFuture(.selfWake(SelfWake(count: Int(clamping: n)))))
    case .join, .select:
      var children: [any Future<Value>] = []
      for a in args {
        switch awaitable(a) {
        case .success(let f): children.append(f)
        case .failure(let e): return .failure(e)
        }
      }
      return .success(
        LangFuture(builtin == .join ? .join(JoinAll(children)) : .select(SelectFirst(children))))
    case .timeout:
      guard case .duration(let us) = args[0] else {
        return .failure(FrameError("`timeout` needs a duration first"))
      }
      switch awaitable(args[1]) {
      case .success(let inner):
        return .success(LangFuture(.timeout(Timeout(durationUs: us, from: now, inner))))
      case .failure(let e): return .failure(e)
      }
    }
  }
}
