import AsyncVizLang

/// Writes one program's declarations and statements as Rust. Expressions are
/// in RustEmitter+Expressions.swift, futures in RustEmitter+Futures.swift.
struct RustEmitter: BlockEmitter {
  static let indentUnit = "    "
  let shape: ProgramShape
  let names = RustNames()
  var lines: [String] = []
  var depth = 0
  /// The fn being written (for recursive calls).
  var currentFunction = ""

  static func docComment(_ text: String) -> String { "/// " + text.replacing("\n", with: "\n/// ") }

  static let channelNote = "shared by every task, never closed."

  static func channelDeclaration(_ name: String, capacity: String) -> String {
    "static \(name): LazyLock<Channel> = LazyLock::new(|| Channel::new(\(capacity)));"
  }

  static func constantDeclaration(_ name: String, _ value: Int64) -> String {
    "const \(name): i64 = \(value);"
  }

  /// `Channel::new` takes a `usize`; the constants are `i64`.
  static func capacity(constant name: String) -> String { "\(name) as usize" }

  static func resourceNote(_ quote: String, answering latency: String) -> String {
    """
    \(quote) the server
    answers after \(latency), echoing the request. A timer stands in
    for the socket.
    """
  }

  static func resourceHead(_ name: String) -> String { "async fn \(name)(request: String) -> Value {" }

  func resourceBody(latencyUs: Int64, resource: String, operation: String) -> [String] {
    ["sleep(\(durationLiteral(latencyUs))).await;", "reply(\(resource), \(operation), &request)"]
  }

  mutating func function(_ fn: FunctionDecl) throws(TranslationError) {
    currentFunction = fn.name
    try writeFunction(
      fn, parameter: { [names] in "\(names.local($0)): \($1)" },
      head: { "async fn \($0)(\($1)) -> Value {" }, unitReturn: "Value::Unit")
  }

  mutating func block(_ body: [Statement], _ scope: inout KindScope) throws(TranslationError) {
    for s in body { try statement(s, &scope) }
  }

  private mutating func statement(_ s: Statement, _ scope: inout KindScope) throws(TranslationError) {
    switch s.kind {
    case .let(let name, _, let value):
      let kind = shape.kind(of: value, in: scope)
      line("let \(names.local(name)) = \(try expression(value, as: kind, scope));")
      scope.bind(name, kind)
    case .expression(let e):
      line(try expressionStatement(e, scope))
    case .return(let e):
      line("return \(try e.map { v throws(TranslationError) in try value(v, scope) } ?? "Value::Unit");")
    case .repeat(let count, let body):
      line("for _ in 0..\(try integer(count, scope)) {")
      try nested(body, &scope)
      line("}")
    case .for(let name, _, let from, let to, let body):
      let rust = names.local(name)
      line("for \(rust) in \(try integer(from, scope))..\(try integer(to, scope)) {")
      depth += 1
      line("let \(rust) = Value::Int(\(rust));")
      depth -= 1
      scope.enter()
      scope.bind(name, .data)
      try nested(body, &scope, entered: true)
      line("}")
    case .if:
      try ifStatement(s, &scope, prefix: "")
    }
  }

  func condition(_ lhs: Expression, _ op: Comparison, _ rhs: Expression, _ scope: KindScope)
    throws(TranslationError) -> String
  {
    "\(try operand(lhs, scope)) \(op.rawValue) \(try operand(rhs, scope))"
  }

  mutating func nested(_ body: [Statement], _ scope: inout KindScope, entered: Bool = false)
    throws(TranslationError)
  {
    if !entered { scope.enter() }
    depth += 1
    try block(body, &scope)
    depth -= 1
    scope.leave()
  }
}
