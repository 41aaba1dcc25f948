import AsyncVizLang

/// The statement structure the Rust and Go emitters share: blocks nest with
/// a kind scope, and an `if`/`else if`/`else` chain is written the same way
/// in both (`} else if ... {`), so only the test's spelling is asked of each.
/// (Node's emitter keeps its own: it tracks JavaScript names, not kinds.)
protocol BlockEmitter: SourceEmitter {
  /// The test of an `if`, in the language: `a == b`, `eq(a, b)`, ...
  func condition(_ lhs: Expression, _ op: Comparison, _ rhs: Expression, _ scope: KindScope)
    throws(TranslationError) -> String
  /// Writes `body` one level deeper in a new block (`entered`: the block's scope is already open).
  mutating func nested(_ body: [Statement], _ scope: inout KindScope, entered: Bool) throws(TranslationError)
}

extension BlockEmitter {
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
