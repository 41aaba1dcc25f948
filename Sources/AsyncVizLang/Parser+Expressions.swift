/// Expressions: literals, names, calls, method calls, `await`, `spawn`, `[i]`.
extension Parser {
  mutating func parseExpression() throws(Diagnostic) -> Expression {
    let token = try peek()
    try enter(at: token.location)
    defer { nesting -= 1 }
    switch token.kind {
    case .keyword(.await):
      try advance()
      return Expression(kind: .await(try parseExpression()), location: token.location)
    case .keyword(.spawn):
      try advance()
      return Expression(kind: .spawn(try parseExpression()), location: token.location)
    default:
      return try parsePostfix()
    }
  }

  /// A primary expression followed by any number of `[INDEX]`.
  mutating func parsePostfix() throws(Diagnostic) -> Expression {
    var expression = try parsePrimary()
    var depth = 0
    defer { nesting -= depth }
    while try peek().kind == .leftBracket {
      let open = try advance()
      try enter(at: open.location)
      depth += 1
      let index = try peek()
      guard case .int(let i) = index.kind else {
        throw unexpected(index, expected: "a whole number inside `[...]`, such as 0")
      }
      guard i >= 0 else { throw error(index.location, "an index cannot be negative") }
      try advance()
      if try peek().kind != .rightBracket {
        throw try peek().kind == .end
          ? error(open.location, "this `[` is never closed") : unexpected(try peek(), expected: "`]`")
      }
      try advance()
      expression = Expression(
        kind: .index(expression, i, indexAt: open.location), location: expression.location)
    }
    return expression
  }

  mutating func parsePrimary() throws(Diagnostic) -> Expression {
    let token = try peek()
    let at = token.location
    switch token.kind {
    case .int(let n):
      try advance()
      return Expression(kind: .int(n), location: at)
    case .duration(let us):
      try checkDuration(token, us, what: "a duration")
      try advance()
      return Expression(kind: .duration(us), location: at)
    case .string(let parts):
      try advance()
      return Expression(kind: .string(withConstants(parts)), location: at)
    case .leftParen:
      try advance()
      let inner = try parseExpression()
      try expectClosing(token)
      return inner
    case .name(let name):
      try advance()
      switch try peek().kind {
      case .leftParen:
        let args = try parseArguments()
        return Expression(kind: .call(callee: name, args: args), location: at)
      case .dot:
        try advance()
        let method = try expectName("an operation name after `\(name).`")
        guard try peek().kind == .leftParen else {
          throw error(
            try peek().location,
            "expected `(` after `\(name).\(method.text)`: operations are called, as in \(name).\(method.text)()"
          )
        }
        let args = try parseArguments()
        let kind = Expression.Kind.method(
          receiver: name, method: method.text, methodAt: method.location, args: args)
        return Expression(kind: kind, location: at)
      default:
        if let constant = constants[name] {
          return Expression(kind: .int(constant.value), location: at, constant: name)
        }
        return Expression(kind: .name(name), location: at)
      }
    default:
      throw unexpected(token, expected: "an expression")
    }
  }

  /// A string's parts with each constant's value as text in place of its
  /// name (joined to the text around it).
  func withConstants(_ parts: [StringPart]) -> [StringPart] {
    var joined: [StringPart] = []
    for part in parts {
      var part = part
      if case .name(let name, _) = part, let constant = constants[name] {
        part = .text(String(constant.value))
      }
      if case .text(let t) = part, case .text(let before)? = joined.last {
        joined[joined.count - 1] = .text(before + t)
      } else {
        joined.append(part)
      }
    }
    return joined
  }

  /// `(arg, arg, ...)`, at the `(`; a trailing comma is allowed.
  mutating func parseArguments() throws(Diagnostic) -> [Expression] {
    let open = try advance()
    var args: [Expression] = []
    while try peek().kind != .rightParen {
      if try peek().kind == .end { throw error(open.location, "this `(` is never closed") }
      args.append(try parseExpression())
      switch try peek().kind {
      case .comma: try advance()
      case .rightParen: break
      default: try expectClosing(open)
      }
    }
    try advance()
    return args
  }

  /// Consumes the `)` matching `open`, or says why it is missing.
  mutating func expectClosing(_ open: Token) throws(Diagnostic) {
    let token = try peek()
    switch token.kind {
    case .rightParen:
      try advance()
    case .end:
      throw error(open.location, "this `(` is never closed")
    default:
      throw unexpected(token, expected: "`,` or `)` to close the `(` at \(open.location)")
    }
  }
}
