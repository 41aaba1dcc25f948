import AsyncVizLang

/// Data expressions: each becomes a Rust expression of type `Value`.
extension RustEmitter {
  // The spellings of `value` (BlockEmitter): every value is a Rust `Value`.
  func intValue(_ number: String) -> String { "Value::Int(\(number))" }
  func durationValue(_ us: Int64) -> String { "Value::Dur(\(durationLiteral(us)))" }
  var noneValue: String { "Value::None" }
  /// A variable is cloned: .av values are copied, never moved.
  func variableValue(_ name: String) -> String { "\(names.local(name)).clone()" }
  /// The types a parameter of each kind is declared with.
  static let kindTypes = (
    data: "Value", future: "impl Future<Output = Value> + Send + 'static", handle: "JoinHandle<Value>"
  )
  func itemValue(_ list: String, _ i: Int64) -> String { "\(list).item(\(i))" }
  func unitValue(after statement: String) -> String { "{ \(statement); Value::Unit }" }

  /// `e` as a `Value` that is only read (compared, indexed): a variable is not cloned.
  func operand(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if case .name(let n) = e.kind, scope.kind(of: n) != nil { return names.local(n) }
    return try value(e, scope)
  }

  /// A count or a range end as a Rust integer.
  func integer(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if case .int(let n) = e.kind { return number(n, constant: e.constant) }
    return "\(try operand(e, scope)).int()"
  }

  /// A duration argument as a `std::time::Duration`.
  func duration(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String {
    if case .duration(let us) = e.kind { return durationLiteral(us) }
    return "\(try operand(e, scope)).duration()"
  }

  func durationLiteral(_ us: Int64) -> String {
    us % 1_000 == 0 ? "Duration::from_millis(\(us / 1_000))" : "Duration::from_micros(\(us))"
  }

  /// A string literal, with `{name}` as Rust's inline format arguments.
  func stringValue(_ parts: [StringPart]) -> String {
    if parts.allSatisfy({ if case .text = $0 { true } else { false } }) {
      return "Value::Str(\(stringLiteral(plainText(parts))).into())"
    }
    return "Value::Str(format!(\(formatString(parts))))"
  }

  /// The text a request sends: the arguments' texts joined by ", ", as asyncviz does.
  func requestText(_ args: [Expression], _ scope: KindScope) throws(TranslationError) -> String {
    if args.isEmpty { return "String::new()" }
    if args.count == 1, case .string(let parts) = args[0].kind {
      if parts.allSatisfy({ if case .text = $0 { true } else { false } }) {
        return "\(stringLiteral(plainText(parts))).to_string()"
      }
      return "format!(\(formatString(parts)))"
    }
    if args.count == 1 { return "\(try operand(args[0], scope)).to_string()" }
    var pieces: [String] = []
    for a in args { pieces.append(try operand(a, scope)) }
    let holes = Array(repeating: "{}", count: args.count).joined(separator: ", ")
    return "format!(\"\(holes)\", \(pieces.joined(separator: ", ")))"
  }

  /// `print`, `block`, `work`, without the trailing `;`.
  func plainCall(_ call: PlainCall, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    switch call {
    case .print:
      if case .string(let parts) = args[0].kind { return "println!(\(formatString(parts)))" }
      if case .name(let n) = args[0].kind, scope.kind(of: n) != nil {
        return "println!(\"{\(names.local(n))}\")"
      }
      return "println!(\"{}\", \(try operand(args[0], scope)))"
    case .block: return "std::thread::sleep(\(try duration(args[0], scope)))"
    case .work: return "work(\(try duration(args[0], scope)))"
    }
  }

  // The spellings of `expressionStatement` (BlockEmitter).
  static let statementEnd = ";"
  func discarded(_ expression: String) -> String { "let _ = \(expression);" }
  static let unusedFutureNote = " // made and dropped: never polled, it does nothing"

  /// `sleep(d).await;` reads better than `unit(sleep(d)).await;` when the () is not used.
  func effectStatement(_ builtin: BuiltinFuture, _ args: [Expression], _ scope: KindScope)
    throws(TranslationError) -> String?
  {
    try unitFuture(builtin, args, scope).map { "\($0).await;" }
  }

  private func plainText(_ parts: [StringPart]) -> String {
    parts.map { if case .text(let t) = $0 { t } else { "" } }.joined()
  }

  /// A Rust format string for the parts: `{` and `}` doubled in text, names as `{name}`.
  func formatString(_ parts: [StringPart]) -> String {
    var inner = ""
    for part in parts {
      switch part {
      case .text(let t):
        inner += escaped(t).replacing("{", with: "{{").replacing("}", with: "}}")
      case .name(let n, _): inner += "{\(names.local(n))}"
      }
    }
    return "\"\(inner)\""
  }

  func stringLiteral(_ text: String) -> String { "\"\(escaped(text))\"" }

  private func escaped(_ text: String) -> String {
    Self.escaped(text) { "\\u{\(String($0, radix: 16))}" }
  }
}
