import AsyncVizLang

/// Data expressions and plain calls as Go expressions of type `Value`.
extension GoEmitter {
  // The spellings of `value` (BlockEmitter): every value is a Go `Value`.
  func intValue(_ number: String) -> String { "int64(\(number))" }
  func durationValue(_ us: Int64) -> String { durationLiteral(us) }
  func stringValue(_ parts: [StringPart]) -> String { stringExpression(parts) }
  var noneValue: String { "none" }
  func variableValue(_ name: String) -> String { goName(name) }
  /// The types a parameter of each kind is declared with.
  static let kindTypes = (data: "Value", future: "func() Value", handle: "*Handle")
  func itemValue(_ list: String, _ i: Int64) -> String { "item(\(list), \(i))" }
  /// A plain call where a value is expected runs in a closure that gives ().
  func unitValue(after statement: String) -> String { "func() Value {\n\t\(statement)\n\treturn unit\n}()" }

  /// A count or a range end as a Go int64.
  func integer(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if case .int(let n) = e.kind { return "int64(\(number(n, constant: e.constant)))" }
    return "count(\(try value(e, scope)))"
  }

  /// A duration argument as a `time.Duration`.
  func duration(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if case .duration(let us) = e.kind { return durationLiteral(us) }
    return "dur(\(try value(e, scope)))"
  }

  func durationLiteral(_ us: Int64) -> String {
    if us != 0 && us % 1_000_000 == 0 { return "\(us / 1_000_000) * time.Second" }
    return us % 1_000 == 0 ? "\(us / 1_000) * time.Millisecond" : "\(us) * time.Microsecond"
  }

  /// A string literal; `{name}` becomes `show(name)` joined with `+`.
  func stringExpression(_ parts: [StringPart]) -> String {
    var pieces: [String] = []
    for part in parts {
      switch part {
      case .text(let t): if !t.isEmpty { pieces.append(stringLiteral(t)) }
      case .name(let n, _): pieces.append("show(\(goName(n)))")
      }
    }
    return pieces.isEmpty ? "\"\"" : pieces.joined(separator: " + ")
  }

  /// The text a request sends: the arguments' texts joined by ", ", as asyncviz does.
  func requestText(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String {
    if args.isEmpty { return "\"\"" }
    if args.count == 1, case .string(let parts) = args[0].kind { return stringExpression(parts) }
    var pieces: [String] = []
    for a in args { pieces.append("show(\(try value(a, scope)))") }
    return pieces.joined(separator: " + \", \" + ")
  }

  /// `print`, `block`, `work` as a Go statement.
  func plainCall(_ call: PlainCall, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    switch call {
    case .print:
      if case .string(let parts) = args[0].kind { return "fmt.Println(\(stringExpression(parts)))" }
      return "fmt.Println(show(\(try value(args[0], scope))))"
    case .block: return "block(\(try duration(args[0], scope)))"
    case .work: return "work(\(try duration(args[0], scope)))"
    }
  }

  // The spellings of `expressionStatement` (BlockEmitter).
  static let statementEnd = ""
  func discarded(_ expression: String) -> String { "_ = \(expression)" }
  static let unusedFutureNote = " // made and never called: it does nothing"

  /// `time.Sleep(d)` reads better than `sleep(d)` when the () is not used.
  func effectStatement(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String?
  {
    switch builtin {
    case .sleep: "time.Sleep(\(try duration(args[0], scope)))"
    case .yieldNow: "runtime.Gosched()"
    default: nil
    }
  }

  func stringLiteral(_ text: String) -> String { Self.literal(text) }

  /// A Go string literal (Go source is UTF-8: other characters stay as they are).
  static func literal(_ text: String) -> String {
    "\"" + escaped(text) { "\\x" + ($0 < 0x10 ? "0" : "") + String($0, radix: 16) } + "\""
  }
}
