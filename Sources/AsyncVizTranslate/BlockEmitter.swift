import AsyncVizLang

/// The statement structure the Rust and Go emitters share: blocks nest with
/// a kind scope, an expression is written as what its kind needs (a value, a
/// future or a join handle), and an `if`/`else if`/`else` chain is written
/// the same way in both (`} else if ... {`), so only the spellings are asked
/// of each. (Node's emitter keeps its own: it tracks JavaScript names, not kinds.)
protocol BlockEmitter: SourceEmitter {
  /// The target types a parameter of each kind is declared with.
  static var kindTypes: (data: String, future: String, handle: String) { get }
  /// An integer (its digits or a constant's target name) as a value.
  func intValue(_ number: String) -> String
  /// A duration literal as a value.
  func durationValue(_ us: Int64) -> String
  /// A string literal, with its `{name}` holes, as a value.
  func stringValue(_ parts: [StringPart]) -> String
  /// `none` as a value.
  var noneValue: String { get }
  /// A variable of the program read as a value.
  func variableValue(_ name: String) -> String
  /// Item `i` of `list` (a list value, written as `operand` writes it).
  func itemValue(_ list: String, _ i: Int64) -> String
  /// () as a value, after running `statement` (a plain call, without `statementEnd`).
  func unitValue(after statement: String) -> String
  /// `e` as a value that is only read (indexed, compared, printed).
  func operand(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// `await e` as a value.
  func awaited(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// A channel's `send(v)` or `recv()` (`receiver` is a channel of the program).
  func channelOperation(_ receiver: String, _ method: String, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  /// The text a resource request sends, from the operation's arguments.
  func requestText(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String
  /// A built-in future (`sleep`, `join`, ...).
  func builtinFuture(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String
  /// A call of an async fn of the program.
  func functionCall(_ callee: String, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  /// `e` as a future.
  func future(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// `e` as a join handle.
  func handle(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// `print`, `block` or `work` as a statement, without `statementEnd`.
  func plainCall(_ call: PlainCall, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  /// What ends a statement: `;` in Rust, nothing in Go.
  static var statementEnd: String { get }
  /// A statement that evaluates `expression` and drops what it gives.
  func discarded(_ expression: String) -> String
  /// The comment after a future that is made and dropped, never awaited.
  static var unusedFutureNote: String { get }
  /// An awaited built-in whose value is not used, when the language has a
  /// plainer statement for it (nil when it has not).
  func effectStatement(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String?
  /// The test of an `if`, in the language: `a == b`, `eq(a, b)`, ...
  func condition(_ lhs: Expression, _ op: Comparison, _ rhs: Expression, _ scope: KindScope)
    throws(TranslationError) -> String
  /// Writes the statements of `body` at the current depth.
  mutating func block(_ body: [Statement], _ scope: inout KindScope) throws(TranslationError)
  /// Writes `body` one level deeper in a new block (`entered`: the block's scope is already open).
  mutating func nested(_ body: [Statement], _ scope: inout KindScope, entered: Bool) throws(TranslationError)
}

extension BlockEmitter {
  /// `e` as plain data: which expressions are data is the same in both
  /// languages, only the spellings differ.
  func value(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .int(let n): return intValue(number(n, constant: e.constant))
    case .duration(let us): return durationValue(us)
    case .string(let parts): return stringValue(parts)
    case .name(let n):
      if scope.kind(of: n) == nil && n == "none" { return noneValue }
      return variableValue(n)
    case .await(let inner): return try awaited(inner, scope)
    case .index(let list, let i, _): return itemValue(try operand(list, scope), i)
    case .call(let callee, let args):
      if let plain = PlainCall(rawValue: callee) {
        return unitValue(after: try plainCall(plain, args, scope))
      }
      throw TranslationError(e.location, "a future is used where a value is expected")
    case .method, .spawn:
      throw TranslationError(e.location, "a future is used where a value is expected")
    }
  }

  /// By default an operand is the value itself (Rust writes its own, so that a
  /// variable that is only read is not cloned).
  func operand(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    try value(e, scope)
  }

  /// The target type of a parameter of `kind`.
  func typeName(_ kind: ValueKind) -> String {
    switch kind {
    case .data: Self.kindTypes.data
    case .future: Self.kindTypes.future
    case .handle: Self.kindTypes.handle
    }
  }

  /// A call that makes a future: a channel's operation, a resource's, a
  /// built-in future or an async fn of the program; anything else is not a future.
  func madeFuture(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .method(let receiver, let method, _, let args):
      if shape.channel(named: receiver) != nil { return try channelOperation(receiver, method, args, scope) }
      let op = ResourceOperation(resource: receiver, operation: method)
      return "\(operationName(op) ?? method)(\(try requestText(args, scope)))"
    case .call(let callee, let args):
      if let builtin = BuiltinFuture(rawValue: callee) { return try builtinFuture(builtin, args, scope) }
      if shape.isFunction(callee) { return try functionCall(callee, args, scope) }
      throw TranslationError(e.location, "`\(callee)(...)` is not a future")
    default:
      throw TranslationError(e.location, "a value is used where a future is expected")
    }
  }

  /// A statement made of one expression: a plain call, an awaited or
  /// spawned future, or a future or value made and dropped. Which is which
  /// is the same in both languages, only the spellings differ.
  func expressionStatement(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    switch e.kind {
    case .call(let callee, let args):
      if let plain = PlainCall(rawValue: callee) {
        return try plainCall(plain, args, scope) + Self.statementEnd
      }
      return discarded(try future(e, scope)) + Self.unusedFutureNote
    case .method:
      return discarded(try future(e, scope)) + Self.unusedFutureNote
    case .await(let inner):
      if case .call(let callee, let args) = inner.kind, let builtin = BuiltinFuture(rawValue: callee),
        let statement = try effectStatement(builtin, args, scope)
      {
        return statement
      }
      return try awaited(inner, scope) + Self.statementEnd
    case .spawn:
      return try handle(e, scope) + Self.statementEnd
    default:
      return discarded(try value(e, scope))
    }
  }

  /// `e` written as a `kind`: what a `let` binds, what a parameter of that kind is passed.
  func expression(_ e: Expression, as kind: ValueKind, _ scope: KindScope) throws(TranslationError) -> String
  {
    switch kind {
    case .data: try value(e, scope)
    case .future: try future(e, scope)
    case .handle: try handle(e, scope)
    }
  }

  /// The arguments of a call of the async fn `callee`, each as its parameter's kind needs, joined by ", ".
  func arguments(of callee: String, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    var written: [String] = []
    for (i, a) in args.enumerated() {
      written.append(try expression(a, as: shape.parameterKind(of: callee, at: i), scope))
    }
    return written.joined(separator: ", ")
  }

  /// Writes the async fn `fn`: `Self.mainDoc` before main, the line `head(name,
  /// parameters)` with each parameter spelled `parameter(name, type)`, the
  /// body one level deeper, and `unitReturn` where the body does not return.
  mutating func writeFunction(
    _ fn: FunctionDecl, parameter: (_ name: String, _ type: String) -> String,
    head: (_ name: String, _ parameters: String) -> String, unitReturn: String
  ) throws(TranslationError) {
    var scope = shape.scope(of: fn)
    let params = fn.params.enumerated().map { i, p in
      parameter(p.name, typeName(shape.parameterKind(of: fn.name, at: i)))
    }
    if fn.name == "main" { line(Self.mainDoc) }
    line(head(functionName(fn.name), params.joined(separator: ", ")))
    depth += 1
    try block(fn.body, &scope)
    closeFunction(fn.body, unitReturn: unitReturn)
  }

  /// An `if` with its `else if` chain and `else`, starting with `prefix` (`} else ` when chained).
  mutating func ifStatement(_ s: Statement, _ scope: inout KindScope, prefix: String) throws(TranslationError)
  {
    guard case .if(let lhs, let op, let rhs, let then, let otherwise) = s.kind else { return }
    line("\(prefix)if \(try condition(lhs, op, rhs, scope)) {")
    try nested(then, &scope, entered: false)
    if let otherwise {
      if otherwise.count == 1, case .if = otherwise[0].kind {
        try ifStatement(otherwise[0], &scope, prefix: "} else ")
        return
      }
      line("} else {")
      try nested(otherwise, &scope, entered: false)
    }
    line("}")
  }
}
