/// Statements: let, repeat, for, if, return, and expression statements.
extension Parser {
  mutating func parseStatement() throws(Diagnostic) -> Statement {
    let token = try peek()
    let at = token.location
    switch token.kind {
    case .keyword(.let):
      try advance()
      let name = try expectName("a variable name after `let`")
      try checkNotConstant(name)
      _ = try expect(.assign, "`=` after `let \(name.text)`")
      let value = try parseExpression()
      return Statement(kind: .let(name: name.text, nameAt: name.location, value: value), location: at)
    case .keyword(.repeat):
      try advance()
      let count = try parseExpression()
      let body = try parseBlock()
      return Statement(kind: .repeat(count: count, body: body), location: at)
    case .keyword(.for):
      try advance()
      let name = try expectName("a loop variable after `for`")
      try checkNotConstant(name)
      _ = try expect(.keyword(.in), "`in` after `for \(name.text)`")
      let from = try parseExpression()
      _ = try expect(.dotDot, "`..` in the range (as in `for i in 0..10`)")
      let to = try parseExpression()
      let body = try parseBlock()
      return Statement(
        kind: .for(name: name.text, nameAt: name.location, from: from, to: to, body: body), location: at)
    case .keyword(.if):
      return try parseIf()
    case .keyword(.return):
      try advance()
      let next = try peek().kind
      if next == .newline || next == .rightBrace || next == .end {
        return Statement(kind: .return(nil), location: at)
      }
      return Statement(kind: .return(try parseExpression()), location: at)
    case .keyword(.else):
      throw error(at, "`else` without `if`: put it on the line of the `}` that closes the if block")
    default:
      return Statement(kind: .expression(try parseExpression()), location: at)
    }
  }

  /// `if A == B { ... } else { ... }`, with `else if` chains.
  mutating func parseIf() throws(Diagnostic) -> Statement {
    let at = try advance().location
    let lhs = try parseExpression()
    let opToken = try peek()
    let op: Comparison
    switch opToken.kind {
    case .equalEqual: op = .equal
    case .notEqual: op = .notEqual
    case .assign:
      throw error(opToken.location, "use `==` to compare (`=` only appears in `let`)")
    default:
      throw unexpected(opToken, expected: "`==` or `!=` in the condition")
    }
    try advance()
    let rhs = try parseExpression()
    let then = try parseBlock()
    var otherwise: [Statement]?
    var lookahead = 0
    if try peek().kind == .newline { lookahead = 1 }
    if try peek(lookahead).isKeyword(.else) {
      if lookahead == 1 { try advance() }
      try advance()
      if try peek().isKeyword(.if) {
        otherwise = [try parseIf()]
      } else {
        otherwise = try parseBlock()
      }
    }
    let kind = Statement.Kind.if(lhs: lhs, op: op, rhs: rhs, then: then, else: otherwise)
    return Statement(kind: kind, location: at)
  }

  /// Durations are written only as literals, so their range is checked here.
  func checkDuration(_ token: Token, _ us: Int64, what: String) throws(Diagnostic) {
    if us < 0 { throw error(token.location, "\(what) cannot be negative (\(token.text))") }
    if us > Limits.maxDurationUs {
      throw error(token.location, "\(token.text) is too long for \(what): at most \(Limits.maxDurationText)")
    }
  }
}
