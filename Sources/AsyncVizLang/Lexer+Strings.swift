/// String literals: escapes and `{name}` interpolation.
extension Lexer {
  /// Lexes `"..."` starting at the opening quote. `{name}` interpolates a
  /// variable; `{{` and `}}` are literal braces; escapes are `\" \\ \n \t`.
  mutating func lexString() throws(Diagnostic) -> [StringPart] {
    let open = here
    advance()
    var parts: [StringPart] = []
    var text = ""
    while true {
      guard let c = peek(), c != "\n", c != "\r" else {
        throw error(open, "unterminated string: add a closing `\"` on the same line")
      }
      switch c {
      case "\"":
        advance()
        if !text.isEmpty || parts.isEmpty { parts.append(.text(text)) }
        var bytes = 0
        for case .text(let t) in parts { bytes += t.utf8.count }
        if bytes > Limits.maxStringBytes {
          throw error(
            open, "this string is \(bytes) bytes long: a string may be at most \(Limits.maxStringBytes)")
        }
        return parts
      case "\\":
        let at = here
        advance()
        switch peek() {
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "n": text.append("\n")
        case "t": text.append("\t")
        case nil, "\n", "\r":
          throw error(open, "unterminated string: add a closing `\"` on the same line")
        case let other?:
          throw error(at, "unknown escape `\\\(other)`: use \\\" \\\\ \\n \\t, or {{ and }} for braces")
        }
        advance()
      case "{" where peek(1) == "{", "}" where peek(1) == "}":
        text.unicodeScalars.append(c)
        advance()
        advance()
      case "{":
        if !text.isEmpty { parts.append(.text(text)) }
        text = ""
        parts.append(try lexInterpolation())
      default:
        text.unicodeScalars.append(c)
        advance()
      }
    }
  }

  /// `{name}` inside a string, at the `{`.
  mutating func lexInterpolation() throws(Diagnostic) -> StringPart {
    let open = here
    advance()
    while peek() == " " { advance() }
    let nameStart = here
    let startIndex = index
    if let c = peek(), Lexer.isNameStart(c) {
      while let d = peek(), Lexer.isNameContinue(d) { advance() }
    }
    let name = String(String.UnicodeScalarView(scalars[startIndex..<index]))
    while peek() == " " { advance() }
    switch peek() {
    case "}" where !name.isEmpty:
      advance()
      return .name(name, nameStart)
    case "}":
      throw error(open, "empty `{}` in a string: put a variable name inside, or write {{ for a brace")
    case nil, "\n", "\r", "\"":
      throw error(open, "unterminated `{` in a string: close it with `}`, or write {{ for a brace")
    default:
      throw error(here, "only a variable name can go inside `{...}` in a string")
    }
  }
}
