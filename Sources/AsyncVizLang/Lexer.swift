/// Turns a program's text into tokens.
///
/// Comments run from `#` or `//` to the end of the line. Line breaks end
/// statements, except inside `(...)` and `[...]`, so long argument lists may
/// span lines. A lexical error ends the token list with an `.invalid` token.
struct Lexer {
  /// The file being read.
  let source: SourceFile
  /// Its text as Unicode scalars: columns count these.
  let scalars: [Unicode.Scalar]
  /// The next scalar to read.
  var index = 0
  /// The line of `index`, from 1.
  var line = 1
  /// The column of `index`, from 1.
  var column = 1
  /// Open `(` and `[`: line breaks inside them are not statement ends.
  var depth = 0
  /// Tokens so far.
  var tokens: [Token] = []

  init(_ source: SourceFile) {
    self.source = source
    self.scalars = Array(source.text.unicodeScalars)
  }

  /// Every token of the file, ending with `.end` or `.invalid`.
  static func tokenize(_ source: SourceFile) -> [Token] {
    var lexer = Lexer(source)
    do throws(Diagnostic) {
      try lexer.run()
    } catch {
      lexer.tokens.append(Token(kind: .invalid(error), location: error.location, text: ""))
    }
    return lexer.tokens
  }

  var here: SourceLocation { SourceLocation(line: line, column: column) }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  /// Consumes one scalar, treating "\r\n" as one line break.
  mutating func advance() {
    guard let c = peek() else { return }
    index += 1
    if c == "\r" && peek() == "\n" { index += 1 }
    if c == "\n" || c == "\r" {
      line += 1
      column = 1
    } else {
      column += 1
    }
  }

  func error(_ at: SourceLocation, _ message: String) -> Diagnostic { Diagnostic(source, at: at, message) }

  mutating func emit(_ kind: TokenKind, at start: SourceLocation, from startIndex: Int) {
    let text = String(String.UnicodeScalarView(scalars[startIndex..<index]))
    tokens.append(Token(kind: kind, location: start, text: text))
  }

  mutating func run() throws(Diagnostic) {
    while let c = peek() {
      let start = here
      let startIndex = index
      switch c {
      case " ", "\t":
        advance()
      case "\n", "\r":
        advance()
        if depth == 0, let last = tokens.last, last.kind != .newline {
          tokens.append(Token(kind: .newline, location: start, text: "\\n"))
        }
      case "#":
        skipComment()
      case "/" where peek(1) == "/":
        skipComment()
      case "\"":
        let parts = try lexString()
        emit(.string(parts), at: start, from: startIndex)
      case "0"..."9":
        try lexNumber(negative: false, start: start, from: startIndex)
      case "-" where peek(1).map(Lexer.isDigit) == true:
        advance()
        try lexNumber(negative: true, start: start, from: startIndex)
      case _ where Lexer.isNameStart(c):
        while let d = peek(), Lexer.isNameContinue(d) { advance() }
        let word = String(String.UnicodeScalarView(scalars[startIndex..<index]))
        emit(Keyword(rawValue: word).map(TokenKind.keyword) ?? .name(word), at: start, from: startIndex)
      default:
        try lexPunctuation(c, start: start, from: startIndex)
      }
    }
    // Inside an unclosed `(` the file ends mid-expression: no statement end,
    // so the parser reports the bracket that is never closed.
    if depth == 0, let last = tokens.last, last.kind != .newline {
      tokens.append(Token(kind: .newline, location: here, text: "\\n"))
    }
    tokens.append(Token(kind: .end, location: source.endLocation, text: ""))
  }

  mutating func skipComment() {
    while let c = peek(), c != "\n", c != "\r" { advance() }
  }

  mutating func lexPunctuation(_ c: Unicode.Scalar, start: SourceLocation, from startIndex: Int)
    throws(Diagnostic)
  {
    let kind: TokenKind
    switch (c, peek(1)) {
    case ("(", _): kind = .leftParen
    case (")", _): kind = .rightParen
    case ("[", _): kind = .leftBracket
    case ("]", _): kind = .rightBracket
    case ("{", _): kind = .leftBrace
    case ("}", _): kind = .rightBrace
    case (",", _): kind = .comma
    case (".", "."): kind = .dotDot
    case (".", _): kind = .dot
    case ("=", "="): kind = .equalEqual
    case ("=", _): kind = .assign
    case ("!", "="): kind = .notEqual
    default:
      let shown =
        c.properties.generalCategory == .control ? "U+\(String(c.value, radix: 16, uppercase: true))" : "\(c)"
      // A backtick inside backticks would read as an empty code span.
      throw error(start, c == "`" ? "unexpected character: a backtick" : "unexpected character `\(shown)`")
    }
    advance()
    if kind == .dotDot || kind == .equalEqual || kind == .notEqual { advance() }
    switch kind {
    case .leftParen, .leftBracket: depth += 1
    case .rightParen, .rightBracket: depth = max(0, depth - 1)
    default: break
    }
    emit(kind, at: start, from: startIndex)
  }

  /// Digits, then an optional unit: `40` is an integer, `40ms` a duration.
  mutating func lexNumber(negative: Bool, start: SourceLocation, from startIndex: Int) throws(Diagnostic) {
    var value: Int64 = 0
    var overflow = false
    while let d = peek(), Lexer.isDigit(d) {
      let (times10, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(Int64(d.value - 48))
      overflow = overflow || o1 || o2
      value = sum
      advance()
    }
    let unitIndex = index
    while let d = peek(), Lexer.isNameContinue(d) { advance() }
    let unit = String(String.UnicodeScalarView(scalars[unitIndex..<index]))
    if overflow { throw error(start, "number is too large") }
    if negative { value = -value }
    if unit.isEmpty {
      emit(.int(value), at: start, from: startIndex)
      return
    }
    let scale: Int64
    switch unit {
    case "us": scale = 1
    case "ms": scale = 1_000
    case "s": scale = 1_000_000
    default:
      throw error(start, "unknown duration unit `\(unit)`: use us, ms or s (as in 200us, 5ms, 1s)")
    }
    let (micros, o) = value.multipliedReportingOverflow(by: scale)
    if o { throw error(start, "duration is too long: at most \(Limits.maxDurationText)") }
    emit(.duration(micros), at: start, from: startIndex)
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

  static func isNameStart(_ c: Unicode.Scalar) -> Bool {
    (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
  }

  static func isNameContinue(_ c: Unicode.Scalar) -> Bool { isNameStart(c) || isDigit(c) }
}
