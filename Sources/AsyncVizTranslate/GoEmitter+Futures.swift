import AsyncVizLang

/// Futures and handles in Go. Go has no futures: `await g()` is the call
/// `g()` on the same goroutine; a future kept for later, passed as an
/// argument or given to join/select/timeout is a closure `func() Value`,
/// called where it is awaited (so a `sleep(d)` made early starts its time
/// then, not when it was made). `spawn g()` is `go g()` with a `Handle`.
extension GoEmitter {
  /// `e` as a Go `func() Value`.
  func future(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .name(let n):
      return scope.kind(of: n) == .handle ? "\(goName(n)).Wait" : goName(n)
    case .spawn:
      // The goroutine starts now, where the program spawns it.
      return "\(try handle(e, scope)).Wait"
    default:
      return "func() Value { return \(try awaited(e, scope)) }"
    }
  }

  /// `spawn CALL` or a variable holding a handle.
  func handle(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .spawn(let inner): return "spawn(\(try future(inner, scope)))"
    case .name(let n): return goName(n)
    default: throw TranslationError(e.location, "a join handle is expected here")
    }
  }

  /// `await e`: a Go expression that runs `e` on this goroutine and gives its value.
  func awaited(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if shape.kind(of: e, in: scope) == .handle { return "\(try handle(e, scope)).Wait()" }
    if case .name(let n) = e.kind { return "\(goName(n))()" }
    return try madeFuture(e, scope)
  }

  func channelOperation(_ receiver: String, _ method: String, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  {
    let channel = names.channel(receiver)
    return method == "send" ? "send(\(channel), \(try value(args[0], scope)))" : "<-\(channel)"
  }

  /// A call of an async fn of the program: a plain Go call.
  func functionCall(_ callee: String, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    "\(functionName(callee))(\(try arguments(of: callee, args, scope)))"
  }

  func builtinFuture(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  {
    switch builtin {
    case .sleep: return "sleep(\(try duration(args[0], scope)))"
    case .yieldNow: return "yieldNow()"
    case .timeout: return "timeout(\(try duration(args[0], scope)), \(try future(args[1], scope)))"
    case .join:
      var fs: [String] = []
      for a in args { fs.append(try future(a, scope)) }
      return "join(\(fs.joined(separator: ", ")))"
    case .select: return try select(args, scope)
    case .lostWaker: return "lostWaker()"
    case .selfWake: return "selfWake(\(try value(args[0], scope)))"
    }
  }

  /// `select(a, b)`: each future on its own goroutine, then a Go `select` on
  /// their channels; the first result gives `[index, value]`, the losers go on
  /// running (nothing cancels a goroutine).
  private func select(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String {
    var starts: [String] = []
    var cases: [String] = []
    for (i, a) in args.enumerated() {
      starts.append("start(\(try future(a, scope)))")
      cases.append("case v := <-c\(i):\n\t\treturn list(int64(\(i)), v)")
    }
    let channels = args.indices.map { "c\($0)" }.joined(separator: ", ")
    return """
      func() Value {
      \t\(channels) := \(starts.joined(separator: ", "))
      \tselect {
      \t\(cases.joined(separator: "\n\t"))
      \t}
      }()
      """
  }
}
