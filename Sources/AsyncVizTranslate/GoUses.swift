import AsyncVizLang

/// Whether a variable is read: Go rejects a local variable that never is, so
/// the translation writes `_ = x` after a `let` nothing reads.
enum GoUses {
  /// True if `name` is read in `body` before a `let` of the same name in that block hides it.
  static func mentions(_ name: String, in body: ArraySlice<Statement>) -> Bool {
    for s in body {
      switch s.kind {
      case .let(let other, _, let value):
        if mentions(name, in: value) { return true }
        if other == name { return false }
      case .expression(let e):
        if mentions(name, in: e) { return true }
      case .return(let e):
        if let e, mentions(name, in: e) { return true }
      case .repeat(let count, let inner):
        if mentions(name, in: count) || mentions(name, in: inner[...]) { return true }
      case .for(let other, _, let from, let to, let inner):
        if mentions(name, in: from) || mentions(name, in: to) { return true }
        if other != name && mentions(name, in: inner[...]) { return true }
      case .if(let lhs, _, let rhs, let then, let otherwise):
        if mentions(name, in: lhs) || mentions(name, in: rhs) || mentions(name, in: then[...]) {
          return true
        }
        if let otherwise, mentions(name, in: otherwise[...]) { return true }
      }
    }
    return false
  }

  /// True if `e` reads `name`.
  static func mentions(_ name: String, in e: Expression) -> Bool {
    switch e.kind {
    case .int, .duration: return false
    case .string(let parts):
      return parts.contains { if case .name(let n, _) = $0 { n == name } else { false } }
    case .name(let n): return n == name
    case .call(_, let args), .method(_, _, _, let args): return args.contains { mentions(name, in: $0) }
    case .await(let inner), .spawn(let inner), .index(let inner, _, _): return mentions(name, in: inner)
    }
  }
}
