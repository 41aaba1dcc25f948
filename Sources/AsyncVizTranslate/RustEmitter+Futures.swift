import AsyncVizLang

/// Futures and join handles. A future is made where the .av program makes it
/// (so `sleep(d)` and `timeout(d, f)` fix their deadlines at the call, as
/// tokio's do) and polled where it is awaited, spawned or joined.
extension RustEmitter {
  /// `e` as a Rust future whose output is a `Value`, made now.
  func future(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .name(let n):
      let rust = names.local(n)
      return scope.kind(of: n) == .handle ? "joined(\(rust))" : rust
    case .spawn: return "joined(\(try handle(e, scope)))"
    default:
      return try madeFuture(e, scope)
    }
  }

  func channelOperation(_ receiver: String, _ method: String, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  {
    let channel = names.channel(receiver)
    return method == "send" ? "\(channel).send(\(try value(args[0], scope)))" : "\(channel).recv()"
  }

  /// `spawn CALL` or a variable holding a handle.
  func handle(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .spawn(let inner): return "tokio::spawn(\(try future(inner, scope)))"
    case .name(let n): return names.local(n)
    default: throw TranslationError(e.location, "a join handle is expected here")
    }
  }

  /// `await e` as a `Value`.
  func awaited(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if shape.kind(of: e, in: scope) == .handle { return "\(try handle(e, scope)).await.unwrap()" }
    if case .call(let callee, let args) = e.kind, let builtin = BuiltinFuture(rawValue: callee) {
      switch builtin {
      case .join: return try join(args, scope, awaitedNow: true)
      case .select: return try select(args, scope)
      case .timeout:
        return
          "timeout(\(try duration(args[0], scope)), \(try future(args[1], scope))).await.unwrap_or(Value::None)"
      default: break
      }
    }
    return "\(try future(e, scope)).await"
  }

  /// A call of an async fn of the program; a call that can recurse is boxed,
  /// as Rust requires (an async fn's future cannot contain itself).
  func functionCall(_ callee: String, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    let text = "\(functionName(callee))(\(try arguments(of: callee, args, scope)))"
    return shape.recursiveCalls.contains(CallEdge(caller: currentFunction, callee: callee))
      ? "Box::pin(\(text))" : text
  }

  /// `sleep(d)` and `yield_now()` as tokio's own futures (output `()`), or nil for the others.
  func unitFuture(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String?
  {
    switch builtin {
    case .sleep: "sleep(\(try duration(args[0], scope)))"
    case .yieldNow: "yield_now()"
    default: nil
    }
  }

  func builtinFuture(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  {
    if let raw = try unitFuture(builtin, args, scope) { return "unit(\(raw))" }
    switch builtin {
    case .timeout: return "or_none(timeout(\(try duration(args[0], scope)), \(try future(args[1], scope))))"
    case .join: return try join(args, scope, awaitedNow: false)
    case .select: return try madeSelect(args, scope)
    case .lostWaker: return "lost_waker()"
    case .selfWake: return "self_wake(\(try integer(args[0], scope)))"
    case .sleep, .yieldNow: return ""
    }
  }

  /// A future given to `join`/`select`: tokio's own sleep stays as it is.
  private func branch(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> (
    code: String, unit: Bool
  ) {
    if case .call(let callee, let args) = e.kind, let builtin = BuiltinFuture(rawValue: callee),
      let raw = try unitFuture(builtin, args, scope)
    {
      return (raw, true)
    }
    return (try future(e, scope), false)
  }

  /// `join(a, b)`: `tokio::join!` polls both in this task; the outputs become a list.
  /// Not awaited at once, the futures are made now and joined when polled.
  private func join(_ args: [Expression], _ scope: KindScope, awaitedNow: Bool) throws(TranslationError)
    -> String
  {
    var branches: [(code: String, unit: Bool)] = []
    for a in args { branches.append(try branch(a, scope)) }
    let outputs = branches.indices.map { branches[$0].unit ? "_" : "v\($0)" }
    let items = branches.indices.map { branches[$0].unit ? "Value::Unit" : "v\($0)" }
    let list = "Value::List(vec![\(items.joined(separator: ", "))])"
    if awaitedNow {
      let futures = branches.map(\.code).joined(separator: ", ")
      return "{\n    let (\(outputs.joined(separator: ", ")),) = tokio::join!(\(futures));\n    \(list)\n}"
    }
    let names = branches.indices.map { "f\($0)" }
    return """
      {
          let (\(names.joined(separator: ", ")),) = (\(branches.map(\.code).joined(separator: ", ")),);
          async move {
              let (\(outputs.joined(separator: ", ")),) = tokio::join!(\(names.joined(separator: ", ")));
              \(list)
          }
      }
      """
  }

  /// `await select(a, b)`: `tokio::select!` with `biased;` polls the branches in
  /// order, as asyncviz does; the first ready gives `[index, value]` and the
  /// others are dropped.
  private func select(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String {
    var arms: [String] = []
    for (i, a) in args.enumerated() {
      let (code, unit) = try branch(a, scope)
      arms.append(
        unit
          ? "    _ = \(code) => Value::List(vec![Value::Int(\(i)), Value::Unit]),"
          : "    v = \(code) => Value::List(vec![Value::Int(\(i)), v]),")
    }
    return "tokio::select! {\n    biased;\n\(arms.joined(separator: "\n"))\n}"
  }

  /// A select made now and awaited later: its futures are made now.
  private func madeSelect(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String {
    var made: [String] = []
    var arms: [String] = []
    for (i, a) in args.enumerated() {
      let (code, unit) = try branch(a, scope)
      made.append(code)
      arms.append(
        unit
          ? "        _ = f\(i) => Value::List(vec![Value::Int(\(i)), Value::Unit]),"
          : "        v = f\(i) => Value::List(vec![Value::Int(\(i)), v]),")
    }
    let names = args.indices.map { "f\($0)" }
    return """
      {
          let (\(names.joined(separator: ", ")),) = (\(made.joined(separator: ", ")),);
          async move {
              tokio::select! {
                  biased;
      \(arms.map { "    " + $0 }.joined(separator: "\n"))
              }
          }
      }
      """
  }
}
