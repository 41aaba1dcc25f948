import AsyncVizLang

/// The statement structure the Rust and Go emitters share: blocks nest with
/// a kind scope, an expression is written as what its kind needs (a value, a
/// future or a join handle), and an `if`/`else if`/`else` chain is written
/// the same way in both (`} else if ... {`), so only the spellings are asked
/// of each. (Node's emitter keeps its own: it tracks JavaScript names, not kinds.)
protocol BlockEmitter: SourceEmitter {
  /// `e` as plain data.
  func value(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// `e` as a future.
  func future(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// `e` as a join handle.
  func handle(_ e: Expression, _ scope: KindScope) throws(TranslationError) -> String
  /// The test of an `if`, in the language: `a == b`, `eq(a, b)`, ...
  func condition(_ lhs: Expression, _ op: Comparison, _ rhs: Expression, _ scope: KindScope)
    throws(TranslationError) -> String
  /// Writes `body` one level deeper in a new block (`entered`: the block's scope is already open).
  mutating func nested(_ body: [Statement], _ scope: inout KindScope, entered: Bool) throws(TranslationError)
}

extension BlockEmitter {
  /// `e` written as a `kind`: what a `let` binds, what a parameter of that kind is passed.
  func expression(_ e: Expression, as kind: ValueKind, _ scope: KindScope) throws(TranslationError) -> String
  {
    switch kind {
    case .data: try value(e, scope)
    case .future: try future(e, scope)
    case .handle: try handle(e, scope)
    }
  }

  /// The arguments of a call of the async fn `callee`, each as its parameter's kind needs, joined by ", ".
  func arguments(of callee: String, _ args: [Expression], _ scope: KindScope) throws(TranslationError)
    -> String
  {
    var written: [String] = []
    for (i, a) in args.enumerated() {
      written.append(try expression(a, as: shape.parameterKind(of: callee, at: i), scope))
    }
    return written.joined(separator: ", ")
  }

  /// An `if` with its `else if` chain and `else`, starting with `prefix` (`} else ` when chained).
  mutating func ifStatement(_ s: Statement, _ scope: inout KindScope, prefix: String) throws(TranslationError)
  {
    guard case .if(let lhs, let op, let rhs, let then, let otherwise) = s.kind else { return }
    line("\(prefix)if \(try condition(lhs, op, rhs, scope)) {")
    try nested(then, &scope, entered: false)
    if let otherwise {
      if otherwise.count == 1, case .if = otherwise[0].kind {
        try ifStatement(otherwise[0], &scope, prefix: "} else ")
        return
      }
      line("} else {")
      try nested(otherwise, &scope, entered: false)
    }
    line("}")
  }
}
