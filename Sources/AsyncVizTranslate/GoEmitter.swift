import AsyncVizLang

/// Writes one program's declarations and statements as Go. Expressions are in
/// GoEmitter+Expressions.swift. An async fn is a plain Go function: `await f()`
/// calls it on the same goroutine; a future kept in a variable or given to
/// join/select/timeout is a closure, `func() Value`, called where it is awaited.
struct GoEmitter: BlockEmitter {
  /// Go indents with tabs, as gofmt does.
  static let indentUnit = "\t"
  let shape: ProgramShape
  /// Every package-level name starts with the prefix, so many programs can share one file.
  let names: GoNames
  var lines: [String] = []
  var depth = 0
  /// The Go name of each visible .av variable, innermost block last.
  var variables: [[String: String]] = []

  static func docComment(_ text: String) -> String { "// " + text.replacing("\n", with: "\n// ") }

  static let channelNote = "a buffered Go channel, never closed."

  static func channelDeclaration(_ name: String, capacity: String) -> String {
    "var \(name) = make(chan Value, \(capacity))"
  }

  static func constantDeclaration(_ name: String, _ value: Int64) -> String { "const \(name) = \(value)" }

  static func resourceNote(_ quote: String, answering latency: String) -> String {
    """
    \(quote)
    the server answers after \(latency), echoing the request. A timer
    stands in for the socket: the goroutine parks either way.
    """
  }

  static func resourceHead(_ name: String) -> String { "func \(name)(request string) Value {" }

  func resourceBody(latencyUs: Int64, resource: String, operation: String) -> [String] {
    ["time.Sleep(\(durationLiteral(latencyUs)))", "return reply(\(resource), \(operation), request)"]
  }

  mutating func function(_ fn: FunctionDecl) throws(TranslationError) {
    variables = [[:]]
    for p in fn.params { variables[0][p.name] = names.local(p.name) }
    try writeFunction(
      fn, parameter: { [names] in "\(names.local($0)) \($1)" },
      head: { "func \($0)(\($1)) Value {" }, unitReturn: "return unit")
  }

  mutating func block(_ body: [Statement], _ scope: inout KindScope) throws(TranslationError) {
    for (i, s) in body.enumerated() { try statement(s, &scope, rest: body[(i + 1)...]) }
  }

  private mutating func statement(_ s: Statement, _ scope: inout KindScope, rest: ArraySlice<Statement>)
    throws(TranslationError)
  {
    switch s.kind {
    case .let(let name, _, let value):
      let kind = shape.kind(of: value, in: scope)
      let go = try expression(value, as: kind, scope)
      let goName = declare(name)
      line("\(goName) := \(go)")
      // Go rejects a variable that is never read.
      if !GoUses.mentions(name, in: rest) { line("_ = \(goName)") }
      scope.bind(name, kind)
    case .expression(let e):
      line(try expressionStatement(e, scope))
    case .return(let e):
      line("return \(try e.map { v throws(TranslationError) in try value(v, scope) } ?? "unit")")
    case .repeat(let count, let body):
      line("for k := int64(0); k < \(try integer(count, scope)); k++ {")
      try nested(body, &scope)
      line("}")
    case .for(let name, _, let from, let to, let body):
      line("for n := \(try integer(from, scope)); n < \(try integer(to, scope)); n++ {")
      scope.enter()
      variables.append([:])
      depth += 1
      let goName = declare(name)
      line("\(goName) := Value(n)")
      if !GoUses.mentions(name, in: body[...]) { line("_ = \(goName)") }
      depth -= 1
      scope.bind(name, .data)
      try nested(body, &scope, entered: true)
      line("}")
    case .if:
      try ifStatement(s, &scope, prefix: "")
    }
  }

  /// A new Go variable for `name` in the innermost block; a name declared
  /// twice in one block (.av shadows, Go's `:=` would not) gets a number.
  private mutating func declare(_ name: String) -> String {
    let base = names.local(name)
    var goName = base
    if variables[variables.count - 1][name] != nil {
      var n = 2
      repeat {
        goName = "\(base)\(n)"
        n += 1
      } while variables.contains(where: { $0.values.contains(goName) })
    }
    variables[variables.count - 1][name] = goName
    return goName
  }

  /// The Go name of a visible variable.
  func goName(_ name: String) -> String {
    for block in variables.reversed() { if let n = block[name] { return n } }
    return names.local(name)
  }

  func condition(_ lhs: Expression, _ op: Comparison, _ rhs: Expression, _ scope: KindScope)
    throws(TranslationError) -> String
  {
    let test = "eq(\(try value(lhs, scope)), \(try value(rhs, scope)))"
    return op == .equal ? test : "!" + test
  }

  mutating func nested(_ body: [Statement], _ scope: inout KindScope, entered: Bool = false)
    throws(TranslationError)
  {
    if !entered {
      scope.enter()
      variables.append([:])
    }
    depth += 1
    try block(body, &scope)
    depth -= 1
    scope.leave()
    variables.removeLast()
  }
}
