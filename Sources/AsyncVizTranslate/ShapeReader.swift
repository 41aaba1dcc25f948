import AsyncVizLang

/// The analysis behind `ProgramShape`: parameter kinds to a fixed point, the
/// checks that every value a translation prints or returns is data, and the
/// call graph's cycles.
struct ShapeReader {
  let syntax: Program
  let functions: Set<String>
  /// Parameter kinds by fn; nil while no call site has said.
  private var inferred: [String: [ValueKind?]]
  private(set) var usesRealClock = false
  private(set) var operations: [ResourceOperation] = []
  private var calls: [String: Set<String>] = [:]

  init(syntax: Program) {
    self.syntax = syntax
    functions = Set(syntax.functions.map(\.name))
    var start: [String: [ValueKind?]] = [:]
    for fn in syntax.functions { start[fn.name] = Array(repeating: nil, count: fn.params.count) }
    inferred = start
  }

  /// Parameters never given anything are data.
  var parameterKinds: [String: [ValueKind]] { inferred.mapValues { $0.map { $0 ?? .data } } }

  /// Every call site's argument kinds, until nothing changes: a parameter
  /// passed a future somewhere and data elsewhere has no single Rust type.
  mutating func inferParameters() throws(TranslationError) {
    for _ in 0...syntax.functions.count + 1 {
      var changed = false
      for fn in syntax.functions {
        var failure: TranslationError?
        let walker = ProgramWalker(functions: functions, parameterKinds: parameterKinds)
        walker.walk(fn) { e, scope in
          guard failure == nil, case .call(let callee, let args) = e.kind, var kinds = inferred[callee] else {
            return
          }
          for (i, arg) in args.enumerated() where i < kinds.count {
            let k = Self.kind(of: arg, in: scope, functions: functions)
            if let old = kinds[i], old != k {
              failure = TranslationError(
                arg.location,
                "argument \(i + 1) of `\(callee)` is \(k.described) here but \(old.described) elsewhere;"
                  + " a Rust parameter has one type")
              return
            }
            if kinds[i] == nil {
              kinds[i] = k
              changed = true
            }
          }
          inferred[callee] = kinds
        }
        if let failure { throw failure }
      }
      if !changed { break }
    }
    inferFromUse()
  }

  /// A parameter no call gives anything (the fn is never called) but that the
  /// body awaits is a future: Rust must still type it.
  private mutating func inferFromUse() {
    let walker = ProgramWalker(functions: functions, parameterKinds: parameterKinds)
    for fn in syntax.functions {
      guard var kinds = inferred[fn.name], kinds.contains(where: { $0 == nil }) else { continue }
      walker.walk(fn) { e, _ in
        guard case .await(let inner) = e.kind, case .name(let n) = inner.kind,
          let i = fn.params.firstIndex(where: { $0.name == n }), kinds[i] == nil
        else { return }
        kinds[i] = .future
      }
      inferred[fn.name] = kinds
    }
  }

  /// Printing, interpolating or returning a future or a handle shows
  /// asyncviz's own words (`<future f>`, `<task #2>`), which no real runtime
  /// prints: refused. Also collects the clock and the resource operations.
  mutating func checkValues() throws(TranslationError) {
    var failure: TranslationError?
    let walker = ProgramWalker(functions: functions, parameterKinds: parameterKinds)
    for fn in syntax.functions {
      var edges: Set<String> = []
      walker.walkStatements(fn) { s, scope in
        guard failure == nil else { return }
        if case .return(let value?) = s.kind {
          let k = Self.kind(of: value, in: scope, functions: functions)
          if k != .data { failure = TranslationError(value.location, "`\(fn.name)` returns \(k.described)") }
        }
      } expression: { e, scope in
        guard failure == nil else { return }
        switch e.kind {
        case .string(let parts):
          for case .name(let n, let at) in parts where scope.kind(of: n).map({ $0 != .data }) ?? false {
            failure = TranslationError(at, "`{\(n)}` would print a future or a join handle")
          }
        case .call(let callee, let args):
          if functions.contains(callee) { edges.insert(callee) }
          let plain = PlainCall(rawValue: callee)
          if plain == .block || plain == .work { usesRealClock = true }
          if plain == .print, let v = args.first, Self.kind(of: v, in: scope, functions: functions) != .data {
            failure = TranslationError(v.location, "`print` would print a future or a join handle")
          }
        case .method(let receiver, let method, _, _):
          let op = ResourceOperation(resource: receiver, operation: method)
          if syntax.resources.contains(where: { $0.name == receiver }), !operations.contains(op) {
            operations.append(op)
          }
        default: break
        }
      }
      calls[fn.name] = edges
    }
    if let failure { throw failure }
  }

  /// Calls whose callee can reach the caller again.
  func recursiveCalls() -> Set<CallEdge> {
    var result: Set<CallEdge> = []
    for (caller, callees) in calls {
      for callee in callees where reaches(from: callee, to: caller) {
        result.insert(CallEdge(caller: caller, callee: callee))
      }
    }
    return result
  }

  private func reaches(from start: String, to goal: String) -> Bool {
    var seen: Set<String> = [start]
    var todo = [start]
    while let f = todo.popLast() {
      if f == goal { return true }
      for g in calls[f] ?? [] where seen.insert(g).inserted { todo.append(g) }
    }
    return false
  }

  static func kind(of e: Expression, in scope: KindScope, functions: Set<String>) -> ValueKind {
    switch e.kind {
    case .int, .duration, .string, .await, .index: .data
    case .name(let n): scope.kind(of: n) ?? .data
    case .call(let callee, _):
      functions.contains(callee) || BuiltinFuture(rawValue: callee) != nil ? .future : .data
    case .method: .future
    case .spawn: .handle
    }
  }
}

/// Visits a fn's statements and expressions with the variables visible at each.
struct ProgramWalker {
  let functions: Set<String>
  let parameterKinds: [String: [ValueKind]]

  /// Calls `expression` for every expression of `fn`, outermost first, with the variables visible there.
  func walk(_ fn: FunctionDecl, _ expression: (Expression, KindScope) -> Void) {
    walkStatements(fn, { _, _ in }, expression: expression)
  }

  func walkStatements(
    _ fn: FunctionDecl, _ statement: (Statement, KindScope) -> Void,
    expression: (Expression, KindScope) -> Void
  ) {
    var scope = KindScope(parametersOf: fn, kinds: parameterKinds)
    walkBlock(fn.body, &scope, statement, expression)
  }

  private func walkBlock(
    _ body: [Statement], _ scope: inout KindScope, _ statement: (Statement, KindScope) -> Void,
    _ expression: (Expression, KindScope) -> Void
  ) {
    for s in body {
      statement(s, scope)
      switch s.kind {
      case .let(let name, _, let value):
        walkExpression(value, scope, expression)
        scope.bind(name, ShapeReader.kind(of: value, in: scope, functions: functions))
      case .expression(let e):
        walkExpression(e, scope, expression)
      case .return(let e):
        if let e { walkExpression(e, scope, expression) }
      case .repeat(let count, let inner):
        walkExpression(count, scope, expression)
        walkInner(inner, scope, statement, expression)
      case .for(let name, _, let from, let to, let inner):
        walkExpression(from, scope, expression)
        walkExpression(to, scope, expression)
        walkInner(inner, scope, binding: name, statement, expression)
      case .if(let lhs, _, let rhs, let then, let otherwise):
        walkExpression(lhs, scope, expression)
        walkExpression(rhs, scope, expression)
        walkInner(then, scope, statement, expression)
        if let otherwise { walkInner(otherwise, scope, statement, expression) }
      }
    }
  }

  /// A nested block: its own `let`s (and a `for`'s variable, `binding`) end with it.
  private func walkInner(
    _ body: [Statement], _ outer: KindScope, binding name: String? = nil,
    _ statement: (Statement, KindScope) -> Void, _ expression: (Expression, KindScope) -> Void
  ) {
    var scope = outer
    scope.enter()
    if let name { scope.bind(name, .data) }
    walkBlock(body, &scope, statement, expression)
  }

  private func walkExpression(_ e: Expression, _ scope: KindScope, _ visit: (Expression, KindScope) -> Void) {
    visit(e, scope)
    switch e.kind {
    case .call(_, let args), .method(_, _, _, let args):
      for a in args { walkExpression(a, scope, visit) }
    case .await(let inner), .spawn(let inner), .index(let inner, _, _):
      walkExpression(inner, scope, visit)
    case .int, .duration, .string, .name: break
    }
  }
}
