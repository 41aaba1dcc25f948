/// Finds the type errors a Rust compiler would find, before anything runs:
/// `await` of something that is not a future, a duration where a number is
/// needed (and the reverse), comparisons that can never be true, and a
/// future used twice (in Rust, a use of a moved value). Also warns about
/// futures that are never awaited, since a lazy future then does nothing.
struct TypeChecker {
  /// The file, for diagnostics.
  let source: SourceFile
  /// The resolved program being checked.
  let program: BoundProgram
  /// Parameter types per function, joined over every call site.
  var params: [[ValueType]]
  /// Return types per function, joined over every `return`.
  var returns: [ValueType]
  /// Element types per channel, joined over every `send`.
  var channels: [ValueType]
  /// Whether this pass reports problems (the last one, after the fixed point).
  var reporting = false
  /// Whether this pass widened any parameter, return or channel type.
  var changed = false
  /// Warnings of the reporting pass.
  var warnings: [Diagnostic] = []

  // Per-function state, reset by `walk(function:)`.
  /// Index of the fn being walked.
  var function = 0
  /// The type of each local slot of the fn being walked, as last assigned.
  var slotTypes: [ValueType] = []
  /// Where each future-holding slot was awaited or moved.
  var moves: [Int: SourceLocation] = [:]
  /// Loops enclosing the statement being walked.
  var loopDepth = 0

  init(_ source: SourceFile, _ program: BoundProgram) {
    self.source = source
    self.program = program
    params = program.functions.map { Array(repeating: .unknown, count: $0.arity) }
    returns = Array(repeating: .unknown, count: program.functions.count)
    channels = Array(repeating: .unknown, count: program.channels.count)
  }

  /// Checks the program; returns its warnings.
  static func check(_ source: SourceFile, _ program: BoundProgram) throws(Diagnostic) -> [Diagnostic] {
    var checker = TypeChecker(source, program)
    var rounds = 0
    repeat {
      checker.changed = false
      for i in program.functions.indices { try checker.walk(function: i) }
      rounds += 1
    } while checker.changed && rounds < 100
    checker.reporting = true
    for i in program.functions.indices { try checker.walk(function: i) }
    return checker.warnings
  }

  func error(_ at: SourceLocation, _ message: String) -> Diagnostic { Diagnostic(source, at: at, message) }

  /// Throws in the reporting pass; earlier passes only gather types.
  func fail(_ at: SourceLocation, _ message: String) throws(Diagnostic) {
    if reporting { throw error(at, message) }
  }

  func warn(_ at: SourceLocation, _ message: String) -> Diagnostic {
    Diagnostic(source, at: at, message, severity: .warning)
  }

  /// The join of `old` and `type`; notes a change so the fixed point iterates again.
  mutating func widened(_ old: ValueType, _ type: ValueType) -> ValueType {
    let joined = ValueType.join(old, type)
    if joined != old { changed = true }
    return joined
  }

  mutating func walk(function index: Int) throws(Diagnostic) {
    let f = program.functions[index]
    function = index
    slotTypes = Array(repeating: .unknown, count: f.slots.count)
    for k in 0..<f.arity { slotTypes[k] = params[index][k] }
    moves = [:]
    loopDepth = 0
    try walk(f.body)
    if !(f.body.last.map(\.isReturn) ?? false) { returns[index] = widened(returns[index], .unit) }
    guard reporting else { return }
    for (slot, info) in f.slots.enumerated() where slot >= f.arity && !info.name.isEmpty {
      if slotTypes[slot].isFuture && moves[slot] == nil {
        warnings.append(
          warn(info.location, "future `\(info.name)` is never awaited: futures are lazy, so it never runs"))
      }
    }
  }

  mutating func walk(_ block: [BoundStatement]) throws(Diagnostic) {
    for s in block { try walk(s) }
  }

  mutating func walk(_ s: BoundStatement) throws(Diagnostic) {
    switch s.kind {
    case .let(let slot, let value):
      slotTypes[slot] = try type(of: value, consume: true)
    case .expression(let e):
      let t = try type(of: e, consume: false)
      if reporting && t.isFuture {
        warnings.append(
          warn(
            e.location,
            "this future is never awaited: futures are lazy, so nothing happens (add `await` or `spawn`)"))
      }
    case .repeat(let count, _, let body):
      try expect(.int, count, what: "`repeat` needs a whole number of times")
      try loop(body)
    case .for(let variable, _, _, let from, let to, let body):
      try expect(.int, from, what: "a `for` range needs whole numbers")
      try expect(.int, to, what: "a `for` range needs whole numbers")
      slotTypes[variable] = .int
      try loop(body)
    case .if(let lhs, _, let rhs, let then, let otherwise):
      try compare(lhs, rhs)
      let before = moves
      try walk(then)
      let afterThen = moves
      moves = before
      try walk(otherwise)
      moves.merge(afterThen) { min($0, $1) }
    case .return(let value):
      var t = ValueType.unit
      if let value { t = try type(of: value, consume: true) }
      returns[function] = widened(returns[function], t)
    }
  }

  mutating func loop(_ body: [BoundStatement]) throws(Diagnostic) {
    loopDepth += 1
    try walk(body)
    loopDepth -= 1
  }

  /// `==` and `!=`: futures cannot be compared, and values of two different
  /// known types are never equal (Rust rejects both).
  mutating func compare(_ lhs: BoundExpression, _ rhs: BoundExpression) throws(Diagnostic) {
    let l = try type(of: lhs, consume: false)
    let r = try type(of: rhs, consume: false)
    for (t, e) in [(l, lhs), (r, rhs)] {
      if case .future = t {
        try fail(e.location, "futures cannot be compared: await it first, then compare the value")
      }
      if case .handle = t { try fail(e.location, "join handles cannot be compared: await it first") }
    }
    if l.isConcreteData && r.isConcreteData && ValueType.join(l, r) == .any {
      try fail(rhs.location, "comparing \(l.described) with \(r.described): they are never equal")
    }
  }

  /// Checks that `e` has type `wanted` when its type is known.
  mutating func expect(_ wanted: ValueType, _ e: BoundExpression, what: String) throws(Diagnostic) {
    let t = try type(of: e, consume: false)
    if t != wanted && t != .any && t != .unknown {
      let example = wanted == .duration ? " such as 5ms" : ""
      try fail(e.location, "\(what)\(example), but this is \(t.described)")
    }
  }
}

extension BoundStatement {
  var isReturn: Bool {
    if case .return = kind { return true }
    return false
  }
}
