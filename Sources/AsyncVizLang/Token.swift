/// A reserved word of the language.
enum Keyword: String, Sendable, CaseIterable {
  case async, fn, `let`, `repeat`, `for`, `in`, `if`, `else`, `return`, await, spawn, resource, channel
}

/// A piece of a string literal: plain text, or a `{name}` to interpolate.
public enum StringPart: Sendable, Equatable {
  case text(String)
  case name(String, SourceLocation)
}

/// What a token is.
enum TokenKind: Sendable, Equatable {
  case name(String)
  case keyword(Keyword)
  /// An integer literal, possibly negative (`-3` is one token: there is no arithmetic).
  case int(Int64)
  /// A duration literal in microseconds (`5ms` is 5000), possibly negative.
  case duration(Int64)
  case string([StringPart])
  case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
  case comma, dot, dotDot, assign, equalEqual, notEqual
  /// The end of a statement (one or more line breaks outside parentheses).
  case newline
  case end
  /// The lexer stopped here; the parser throws this when it reaches it, so
  /// errors are reported in source order.
  case invalid(Diagnostic)
}

/// One token with where it starts and how it was spelled.
struct Token: Sendable {
  /// What the token is.
  var kind: TokenKind
  /// Where it starts.
  var location: SourceLocation
  /// The source text, for messages ("found `)`").
  var text: String

  /// How messages name this token.
  var shown: String {
    switch kind {
    case .newline: "the end of the line"
    case .end: "the end of the file"
    case .string: "a string"
    default: text.count > 40 ? "`\(text.prefix(37))...`" : "`\(text)`"
    }
  }

  /// The name, if this token is one.
  var name: String? {
    if case .name(let n) = kind { return n }
    return nil
  }

  func isKeyword(_ k: Keyword) -> Bool { kind == .keyword(k) }
}
