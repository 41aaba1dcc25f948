/// Reads tokens into a `Program`, stopping at the first syntax error.
///
/// Declarations and statements end at a line break; blocks are `{ ... }`.
/// Errors say what was expected and what was found, at the found token, or
/// at the opening bracket for a bracket that is never closed.
struct Parser {
  /// The file being parsed.
  let source: SourceFile
  /// All its tokens; the last is `.end` or `.invalid`.
  let tokens: [Token]
  /// Index of the next token; never past the last one.
  var position = 0
  /// Expressions and blocks currently open; bounded so that a hostile
  /// program cannot overflow the stack of this recursive parser (or of the
  /// checker and compiler, which recurse the same way).
  var nesting = 0
  /// The constants declared so far, by name; a use of one is its value.
  var constants: [String: ConstantDecl] = [:]
  /// Resources and channels declared so far: a constant may not take their names.
  var topLevelNames: [String: SourceLocation] = [:]
  /// Values that replace constants' written ones (`--set NAME=VALUE`).
  let overrides: [String: Int64]

  init(_ source: SourceFile, overrides: [String: Int64] = [:]) {
    self.source = source
    self.tokens = Lexer.tokenize(source)
    self.overrides = overrides
  }

  /// Parses the whole file, with `overrides` in place of the written values of constants.
  static func parse(_ source: SourceFile, overrides: [String: Int64] = [:]) throws(Diagnostic) -> Program {
    var parser = Parser(source, overrides: overrides)
    return try parser.parseProgram()
  }

  // MARK: token access

  /// The next token; throws the lexer's error when it is reached.
  func peek(_ offset: Int = 0) throws(Diagnostic) -> Token {
    let token = tokens[min(position + offset, tokens.count - 1)]
    if case .invalid(let diagnostic) = token.kind { throw diagnostic }
    return token
  }

  @discardableResult
  mutating func advance() throws(Diagnostic) -> Token {
    let token = try peek()
    if position < tokens.count - 1 { position += 1 }
    return token
  }

  func error(_ at: SourceLocation, _ message: String) -> Diagnostic { Diagnostic(source, at: at, message) }

  func unexpected(_ token: Token, expected: String) -> Diagnostic {
    error(token.location, "expected \(expected), found \(token.shown)")
  }

  mutating func expect(_ kind: TokenKind, _ expected: String) throws(Diagnostic) -> Token {
    let token = try peek()
    guard token.kind == kind else { throw unexpected(token, expected: expected) }
    return try advance()
  }

  mutating func expectName(_ what: String) throws(Diagnostic) -> Token {
    let token = try peek()
    guard token.name != nil else {
      if case .keyword(let k) = token.kind {
        throw error(token.location, "`\(k.rawValue)` is a reserved word and cannot be used as \(what)")
      }
      throw unexpected(token, expected: what)
    }
    return try advance()
  }

  mutating func skipNewlines() throws(Diagnostic) {
    while try peek().kind == .newline { try advance() }
  }

  /// A declaration or statement must end here: a line break, or the `}` of its block.
  mutating func endOfStatement(allowBrace: Bool) throws(Diagnostic) {
    let token = try peek()
    switch token.kind {
    case .newline, .end: try skipNewlines()
    case .rightBrace where allowBrace: break
    default: throw unexpected(token, expected: "the end of the line")
    }
  }

  // MARK: declarations

  mutating func parseProgram() throws(Diagnostic) -> Program {
    var program = Program()
    try skipNewlines()
    while true {
      let token = try peek()
      switch token.kind {
      case .end:
        return program
      case .keyword(.resource):
        program.resources.append(try parseResource())
      case .keyword(.channel):
        program.channels.append(try parseChannel())
      case .keyword(.async):
        program.functions.append(try parseFunction())
      case .name("const"):
        program.constants.append(try parseConstant())
      case .keyword(.fn):
        throw error(
          token.location, "every function is async here: write `async fn \(try peek(1).name ?? "name")(...)`")
      default:
        throw unexpected(token, expected: "`async fn`, `resource`, `channel` or `const` at the top level")
      }
      try endOfStatement(allowBrace: false)
    }
  }

  /// The start of `resource NAME latency` or `channel NAME capacity`: the
  /// name, checked and taken at the top level, once the keyword after it is
  /// read. `example` is the value the message suggests when it is missing.
  mutating func declarationHead(_ kind: String, keyword: String, example: String) throws(Diagnostic) -> Token
  {
    try advance()
    let name = try expectName("a \(kind) name")
    try checkNotConstant(name)
    topLevelNames[name.text] = name.location
    let word = try peek()
    guard word.name == keyword else {
      if word.kind == .newline || word.kind == .end {
        throw error(
          name.location,
          "\(kind) `\(name.text)` has no \(keyword): write `\(kind) \(name.text) \(keyword) \(example)`")
      }
      throw unexpected(word, expected: "`\(keyword)` after the \(kind) name")
    }
    try advance()
    return name
  }

  mutating func parseResource() throws(Diagnostic) -> ResourceDecl {
    let name = try declarationHead("resource", keyword: "latency", example: "40ms")
    let value = try peek()
    switch value.kind {
    case .duration(let us):
      try checkDuration(value, us, what: "a latency")
      try advance()
      return ResourceDecl(name: name.text, location: name.location, latencyUs: us)
    case .int(let n):
      throw error(value.location, "a latency needs a unit: write \(n)ms, \(n)us or \(n)s")
    default:
      throw unexpected(value, expected: "a duration after `latency`, such as 40ms")
    }
  }

  mutating func parseChannel() throws(Diagnostic) -> ChannelDecl {
    let name = try declarationHead("channel", keyword: "capacity", example: "2")
    let value = try peek()
    guard let n = constantOrInt(value) else {
      throw unexpected(value, expected: "a whole number after `capacity`, such as 2")
    }
    let constant = value.name.flatMap { constants[$0]?.name }
    guard n >= 1 else { throw error(value.location, "a channel's capacity must be at least 1") }
    guard n <= Int64(Limits.maxCapacity) else {
      throw error(value.location, "capacity \(n) is too large: at most \(Limits.maxCapacity)")
    }
    try advance()
    return ChannelDecl(name: name.text, location: name.location, capacity: Int(n), capacityConstant: constant)
  }

  mutating func parseFunction() throws(Diagnostic) -> FunctionDecl {
    try advance()
    _ = try expect(.keyword(.fn), "`fn` after `async`")
    let name = try expectName("a function name")
    let open = try expect(.leftParen, "`(` after the function name")
    var params: [Parameter] = []
    while try peek().kind != .rightParen {
      if try peek().kind == .end { throw error(open.location, "this `(` is never closed") }
      let p = try expectName("a parameter name")
      try checkNotConstant(p)
      params.append(Parameter(name: p.text, location: p.location))
      if try peek().kind == .comma {
        try advance()
      } else if try peek().kind != .rightParen {
        throw unexpected(try peek(), expected: "`,` or `)` in the parameter list")
      }
    }
    try advance()
    let body = try parseBlock()
    return FunctionDecl(name: name.text, location: name.location, params: params, body: body)
  }

  /// `const NAME = 1000` (a whole number; `--set NAME=VALUE` replaces it).
  mutating func parseConstant() throws(Diagnostic) -> ConstantDecl {
    try advance()
    let name = try expectName("a constant name after `const`")
    try checkNotConstant(name)
    if let other = topLevelNames[name.text] {
      throw error(name.location, "`\(name.text)` is declared at \(other) already: pick another name")
    }
    _ = try expect(.assign, "`=` after `const \(name.text)`")
    let value = try peek()
    guard case .int(let written) = value.kind else {
      throw unexpected(value, expected: "a whole number after `const \(name.text) =`, such as 1000")
    }
    try advance()
    let constant = ConstantDecl(
      name: name.text, location: name.location, value: overrides[name.text] ?? written)
    constants[name.text] = constant
    return constant
  }

  /// A whole-number literal, or a constant's value.
  func constantOrInt(_ token: Token) -> Int64? {
    switch token.kind {
    case .int(let n): n
    case .name(let name): constants[name]?.value
    default: nil
    }
  }

  /// Refuses a variable, parameter or constant named like a constant (a use
  /// of the name is the constant's value, so it could never be read).
  func checkNotConstant(_ name: Token) throws(Diagnostic) {
    guard let constant = constants[name.text] else { return }
    throw error(
      name.location, "`\(name.text)` is the constant declared at \(constant.location): pick another name")
  }

  /// Enters one more level of nesting at `location`, or refuses.
  mutating func enter(at location: SourceLocation) throws(Diagnostic) {
    nesting += 1
    if nesting > Limits.maxNesting {
      throw error(
        location, "nested too deeply: at most \(Limits.maxNesting) levels of blocks and expressions")
    }
  }

  /// `{ statements }`; the statements are separated by line breaks.
  mutating func parseBlock() throws(Diagnostic) -> [Statement] {
    let open = try expect(.leftBrace, "`{` to open a block")
    try enter(at: open.location)
    defer { nesting -= 1 }
    var statements: [Statement] = []
    try skipNewlines()
    while true {
      let token = try peek()
      switch token.kind {
      case .rightBrace:
        try advance()
        return statements
      case .end, .keyword(.async), .keyword(.resource), .keyword(.channel):
        throw error(open.location, "unterminated block: this `{` is never closed")
      default:
        statements.append(try parseStatement())
        try endOfStatement(allowBrace: true)
      }
    }
  }
}
