import AsyncVizRuntime

/// Any future a .av program can hold, wrapping the runtime's own futures
/// (nothing is reimplemented here) and giving their outputs as `Value`s.
///
/// An enum rather than `any Future` so that polling is one switch; the
/// payload is moved out (`kind = .taken`) while polled so that arrays inside
/// it are not copied.
struct LangFuture: Future {
  typealias Output = Value

  enum Kind {
    case asyncFn(AsyncFnFuture)
    case resource(ResourceCall)
    case sleep(Sleep)
    case yieldNow(YieldNow)
    case join(JoinAll<Value>)
    case select(SelectFirst<Value>)
    indirect case timeout(Timeout<LangFuture>)
    case send(ChannelSend<Value>)
    case recv(ChannelRecv<Value>)
    case handle(JoinHandle<Value>)
    case lostWaker(LostWaker)
    case selfWake(SelfWake)
    /// Transient, while the real payload is being polled.
    case taken
  }

  /// The wrapped runtime future; `.taken` only while it is being polled.
  var kind: Kind
  /// How many futures deep this one nests others (1: it holds none); kept
  /// within the depth limit when it is made (`AsyncFnFuture.nested`).
  var height: Int {
    get { Int(storedHeight) }
    set { storedHeight = UInt16(clamping: newValue) }
  }
  /// `height` in 16 bits (the command line's depth limit is at most 1,000):
  /// beside the 77-byte `Kind` it keeps a `LangFuture` at 80 bytes instead
  /// of 88, and every task's root and every suspended frame holds one.
  private var storedHeight: UInt16 = 1

  init(_ kind: Kind) { self.kind = kind }

  /// Polls the wrapped future, one level deeper: the levels and the polls
  /// are counted in the context for the depth limit and the run's budget.
  mutating func poll(_ cx: inout Context) -> Poll<Value> {
    cx.nestedPoll { pollKind(&$0) }
  }

  private mutating func pollKind(_ cx: inout Context) -> Poll<Value> {
    switch kind {
    case .asyncFn(let f):
      return f.poll(&cx)
    case .resource(var f):
      switch poll(&f, back: Kind.resource, &cx) {
      case .pending: return .pending
      case .ready(.success(let reply)): return .ready(.string(reply))
      case .ready(.failure(let error)) where error.isLocal:
        // The request could not even be made (no file descriptor left): the
        // run failed, and says so; the program gets `none`, not an answer.
        if cx.failure == nil { cx.failure = "\(f.resource.name).\(f.op) could not be sent: \(error.message)" }
        return .ready(.none)
      case .ready(.failure(let error)):
        // What the server did (it hung up): an answer the program sees.
        return .ready(.string("error: \(error.message)"))
      }
    case .sleep(var f): return poll(&f, back: Kind.sleep, &cx).map { .unit }
    case .yieldNow(var f): return poll(&f, back: Kind.yieldNow, &cx).map { .unit }
    case .join(var f): return poll(&f, back: Kind.join, &cx).map { .list($0) }
    case .select(var f):
      return poll(&f, back: Kind.select, &cx).map { .list([.int(Int64($0.index)), $0.value]) }
    case .timeout(var f): return poll(&f, back: Kind.timeout, &cx).map { $0 ?? .none }
    case .send(var f): return poll(&f, back: Kind.send, &cx).map { .unit }
    case .recv(var f): return poll(&f, back: Kind.recv, &cx)
    case .handle(var f): return poll(&f, back: Kind.handle, &cx)
    case .lostWaker(var f): return poll(&f, back: Kind.lostWaker, &cx).map { .unit }
    case .selfWake(var f): return poll(&f, back: Kind.selfWake, &cx).map { .unit }
    case .taken:
      return .ready(.none)
    }
  }

  /// Polls the payload `f`, moved out of `kind` (left `.taken` meanwhile, so
  /// that the arrays inside a join or a channel operation are not copied),
  /// and puts it back with `back`.
  private mutating func poll<F: Future>(_ f: inout F, back: (F) -> Kind, _ cx: inout Context)
    -> Poll<F.Output>
  {
    kind = .taken
    defer { kind = back(f) }
    return f.poll(&cx)
  }

  mutating func cancel(_ cx: inout Context) {
    switch kind {
    case .asyncFn(let f): f.cancel(&cx)
    case .resource(var f): f.cancel(&cx); kind = .resource(f)
    case .sleep(var f): f.cancel(&cx); kind = .sleep(f)
    case .join(var f): f.cancel(&cx); kind = .join(f)
    case .select(var f): f.cancel(&cx); kind = .select(f)
    case .timeout(var f): f.cancel(&cx); kind = .timeout(f)
    case .send(var f): f.cancel(&cx); kind = .send(f)
    case .recv(var f): f.cancel(&cx); kind = .recv(f)
    case .handle(var f): f.cancel(&cx); kind = .handle(f)
    case .yieldNow, .lostWaker, .selfWake, .taken: break
    }
  }
}

extension Context {
  /// Polls a future one level deeper: the levels and the polls are counted
  /// for the depth limit and the run's budget. Every future a .av frame
  /// awaits is polled through here (a `LangFuture`, or the yield a frame
  /// keeps without one).
  @inline(__always)
  mutating func nestedPoll<T>(_ poll: (inout Context) -> Poll<T>) -> Poll<T> {
    nesting += 1
    futurePolls += 1
    defer { nesting -= 1 }
    // What a finished future's children said they wait on is stale: a
    // timeout that dropped a join handle must not leave "join #2" for the
    // next await to inherit (the first value set wins). A Ready future
    // leaves the context's wait description as it found it.
    let awaiting = self.awaiting
    let line = suspendLine
    let result = poll(&self)
    if case .ready = result {
      self.awaiting = awaiting
      suspendLine = line
    }
    return result
  }
}
