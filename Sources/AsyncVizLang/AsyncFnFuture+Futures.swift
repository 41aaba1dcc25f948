import AsyncVizRuntime

/// Making futures: what a call of an async fn, a resource operation, a
/// channel operation or a built-in future evaluates to. Making one does
/// nothing else: no request is sent, no timer is armed, until it is polled.
/// Only `sleep` and `timeout` read the clock when made: their deadline is
/// `now + D` at the call, as in tokio (`Instant::now() + duration`).
extension AsyncFnFuture {
  func makeFuture(_ recipe: FutureRecipe, _ args: [Value], now: Int64) -> Result<LangFuture, FrameError> {
    switch recipe {
    case .asyncFn(let index):
      // A frame holding futures in its arguments is as tall as they are plus one.
      let height = 1 + args.map(\.futureHeight).reduce(0, max)
      return nested(LangFuture(.asyncFn(run.call(index, args))), height)
    case .resource(let r, let op):
      return run.requestArgument(args).map {
        LangFuture(.resource(ResourceCall(resource: run.resources[r], op: op, argument: $0)))
      }
    case .channel(let c, .send):
      return nested(LangFuture(.send(run.channels[c].send(args[0]))), 1 + args[0].futureHeight)
    case .channel(let c, .recv):
      return .success(LangFuture(.recv(run.channels[c].recv())))
    case .builtin(let builtin):
      return makeBuiltin(builtin, args, now: now)
    }
  }

  /// `future` with its `height`, unless futures would then nest deeper than
  /// the depth limit: polling, cancelling or freeing a future recurses once
  /// per level, so a taller one could overflow the stack.
  private func nested(_ future: LangFuture, _ height: Int) -> Result<LangFuture, FrameError> {
    guard height <= run.limits.maxCallDepth else {
      return .failure(
        FrameError(
          "this future would hold futures nested more than \(run.limits.maxCallDepth) deep "
            + "(each async fn call holding a future, and each join, select or timeout, counts)"))
    }
    var future = future
    future.height = height
    return .success(future)
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
      var height = 1
      for a in args {
        switch awaitable(a) {
        case .success(let f):
          children.append(f)
          height = max(height, f.height + 1)
        case .failure(let e): return .failure(e)
        }
      }
      return nested(
        LangFuture(builtin == .join ? .join(JoinAll(children)) : .select(SelectFirst(children))), height)
    case .timeout:
      guard case .duration(let us) = args[0] else {
        return .failure(FrameError("`timeout` needs a duration first"))
      }
      switch awaitable(args[1]) {
      case .success(let inner):
        return nested(LangFuture(.timeout(Timeout(durationUs: us, from: now, inner))), inner.height + 1)
      case .failure(let e): return .failure(e)
      }
    }
  }
}
