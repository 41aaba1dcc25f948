import AsyncVizLang

/// Expressions: each becomes one JavaScript expression. A future is a
/// promise made where the .av program makes it, which on Node means started
/// there; a join handle is the spawned call's promise.
extension NodeEmitter {
  /// `e` as a JavaScript expression.
  func expression(_ e: Expression) throws(TranslationError) -> String {
    switch e.kind {
    case .int(let n): return number(n, constant: e.constant)
    case .duration(let us): return "dur(\(us))"
    case .string(let parts): return stringValue(parts)
    case .name(let n):
      if let js = variable(n) { return js }
      if n == "none" { return "NONE" }
      throw TranslationError(e.location, "`\(n)` is not a variable")
    case .await(let inner): return "(await \(try expression(inner)))"
    case .index(let list, let i, _): return "item(\(try expression(list)), \(i))"
    case .spawn(let inner): return try expression(inner)
    case .method(let receiver, let method, _, let args):
      if shape.channel(named: receiver) != nil {
        let channel = names.channel(receiver)
        return method == "send" ? "\(channel).send(\(try expression(args[0])))" : "\(channel).recv()"
      }
      let op = ResourceOperation(resource: receiver, operation: method)
      if args.count == 1, case .string = args[0].kind {
        return "\(operationName(op) ?? method)(\(try expression(args[0])))"
      }
      return "\(operationName(op) ?? method)(request(\(try list(args))))"
    case .call(let callee, let args):
      if let plain = PlainCall(rawValue: callee) { return try plainCall(plain, args) }
      if let builtin = BuiltinFuture(rawValue: callee) { return try builtinFuture(builtin, args, at: e) }
      if shape.isFunction(callee) { return "\(functionName(callee))(\(try list(args)))" }
      throw TranslationError(e.location, "`\(callee)(...)` is not a function")
    }
  }

  /// A statement made of one expression, with its `;`. A call that is not
  /// awaited still runs on Node: its promise floats.
  func expressionStatement(_ e: Expression) throws(TranslationError) -> String {
    switch e.kind {
    case .call(let callee, _) where PlainCall(rawValue: callee) == nil:
      return "\(try expression(e)); // not awaited: on Node it runs anyway (a floating promise)"
    case .method:
      return "\(try expression(e)); // not awaited: on Node it runs anyway (a floating promise)"
    case .await(let inner):
      return "await \(try expression(inner));"
    case .spawn:
      return "\(try expression(e)); // spawned: the call runs now, its promise floats"
    default:
      return "\(try expression(e));"
    }
  }

  private func list(_ args: [Expression]) throws(TranslationError) -> String {
    var out: [String] = []
    for a in args { out.append(try expression(a)) }
    return out.joined(separator: ", ")
  }

  /// A count or a range end.
  func integer(_ e: Expression) throws(TranslationError) -> String {
    if case .int(let n) = e.kind { return number(n, constant: e.constant) }
    return "int(\(try expression(e)))"
  }

  /// A duration argument in microseconds.
  private func micros(_ e: Expression) throws(TranslationError) -> String {
    if case .duration(let us) = e.kind { return "\(us)" }
    return "micros(\(try expression(e)))"
  }

  private func plainCall(_ call: PlainCall, _ args: [Expression]) throws(TranslationError) -> String {
    switch call {
    case .print: "print(\(try expression(args[0])))"
    case .block: "block(\(try micros(args[0])))"
    case .work: "work(\(try micros(args[0])))"
    }
  }

  private func builtinFuture(_ builtin: BuiltinFuture, _ args: [Expression], at e: Expression)
    throws(TranslationError) -> String
  {
    switch builtin {
    case .sleep: return "sleep(\(try micros(args[0])))"
    case .yieldNow: return "yieldNow()"
    case .join: return "join(\(try list(args)))"
    case .select: return "select(\(try list(args)))"
    case .timeout: return "timeout(\(try micros(args[0])), \(try expression(args[1])))"
    case .lostWaker: return "lostWaker()"
    case .selfWake: return "selfWake(\(try integer(args[0])))"
    }
  }

  /// A string literal; `{name}` becomes `${show(name)}` in a template literal.
  func stringValue(_ parts: [StringPart]) -> String {
    if parts.allSatisfy({ if case .text = $0 { true } else { false } }) {
      return stringLiteral(parts.map { if case .text(let t) = $0 { t } else { "" } }.joined())
    }
    var inner = ""
    for part in parts {
      switch part {
      case .text(let t): inner += escaped(t, quote: "`").replacing("${", with: "\\${")
      case .name(let n, _): inner += "${show(\(variable(n) ?? names.local(n)))}"
      }
    }
    return "`\(inner)`"
  }

  func stringLiteral(_ text: String) -> String { "\"\(escaped(text, quote: "\""))\"" }

  /// JavaScript also ends a line at U+2028 and U+2029.
  private func escaped(_ text: String, quote: Unicode.Scalar) -> String {
    Self.escaped(text, quote: quote, also: { $0 == "\u{2028}" || $0 == "\u{2029}" }) {
      "\\u{\(String($0, radix: 16))}"
    }
  }
}
