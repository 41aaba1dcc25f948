import AsyncVizTrace

/// Name resolution inside expressions.
extension Resolver {
  mutating func resolveExpression(_ e: Expression) throws(Diagnostic) -> BoundExpression {
    let kind: BoundExpression.Kind
    switch e.kind {
    case .int(let n): kind = .constant(.int(n))
    case .duration(let us): kind = .constant(.duration(us))
    case .string(let parts): kind = try resolveString(parts)
    case .name(let name): kind = try resolveName(name, at: e.location)
    case .call(let callee, let args):
      kind = try resolveCall(callee, args, at: e.location)
    case .method(let receiver, let method, let methodAt, let args):
      kind = try resolveMethod(receiver, method, args, at: e.location, methodAt: methodAt)
    case .await(let inner):
      kind = .await(try resolveExpression(inner))
    case .spawn(let inner):
      kind = try resolveSpawn(inner)
    case .index(let list, let i, let at):
      kind = .index(try resolveExpression(list), Int(clamping: i), at: at)
    }
    return BoundExpression(kind: kind, location: e.location)
  }

  func resolveString(_ parts: [StringPart]) throws(Diagnostic) -> BoundExpression.Kind {
    var pieces: [Piece] = []
    for part in parts {
      switch part {
      case .text(let t):
        pieces.append(.text(t))
      case .name(let name, let at):
        guard let slot = lookupLocal(name) else {
          if globals[name] != nil || Builtin.named(name) != nil || reservedNames.contains(name) {
            throw error(at, "only variables can go inside `{...}` in a string; `\(name)` is not a variable")
          }
          let locals = scopes.reversed().flatMap { $0.keys.sorted() }
          throw error(at, "unknown name `\(name)`" + EditDistance.suggestion(for: name, among: locals))
        }
        pieces.append(.local(slot))
      }
    }
    if pieces.count == 1, case .text(let t) = pieces[0] { return .constant(.string(t)) }
    return .interpolate(pieces)
  }

  func resolveName(_ name: String, at: SourceLocation) throws(Diagnostic) -> BoundExpression.Kind {
    if let slot = lookupLocal(name) { return .local(slot) }
    if name == "none" { return .constant(.none) }
    if let (global, _) = globals[name] {
      switch global {
      case .resource:
        throw error(
          at, "`\(name)` is a resource: call one of its operations, as in `await \(name).query(...)`")
      case .channel:
        throw error(at, "`\(name)` is a channel: use `\(name).send(value)` or `\(name).recv()`")
      case .function:
        throw error(at, "`\(name)` is an async fn: call it, as in `\(name)(...)`")
      }
    }
    if let builtin = Builtin.named(name) {
      throw error(at, "`\(name)` is a built-in: call it, as in `\(builtin.usage)`")
    }
    throw error(at, "unknown name `\(name)`" + EditDistance.suggestion(for: name, among: visibleNames()))
  }

  mutating func resolveArguments(_ args: [Expression]) throws(Diagnostic) -> [BoundExpression] {
    var out: [BoundExpression] = []
    for a in args { out.append(try resolveExpression(a)) }
    return out
  }

  func checkArity(
    _ what: String, _ args: [Expression], min: Int, max: Int?, detail: String, at: SourceLocation
  )
    throws(Diagnostic)
  {
    let n = args.count
    if n >= min && n <= (max ?? Int.max) { return }
    let expected: String
    if max == min {
      expected = English.count(min, "argument")
    } else if let max {
      expected = "\(min) to \(max) arguments"
    } else {
      expected = "at least \(English.count(min, "argument"))"
    }
    let given = n == 1 ? "1 was given" : "\(n) were given"
    throw error(at, "`\(what)` takes \(expected)\(detail), but \(given)")
  }

  mutating func resolveCall(_ callee: String, _ args: [Expression], at: SourceLocation) throws(Diagnostic)
    -> BoundExpression.Kind
  {
    if let (global, _) = globals[callee], lookupLocal(callee) == nil {
      guard case .function(let index) = global else {
        throw error(
          at,
          "`\(callee)` is \(describe(global)), not a function: call one of its operations, as in `\(callee).\(global.isChannel ? "recv" : "query")()`"
        )
      }
      let params = program.functions[index].params.map(\.name)
      let detail = params.isEmpty ? "" : " (\(params.joined(separator: ", ")))"
      try checkArity(callee, args, min: params.count, max: params.count, detail: detail, at: at)
      return .make(.asyncFn(index), try resolveArguments(args))
    }
    if lookupLocal(callee) != nil {
      throw error(at, "`\(callee)` is a variable, not a function")
    }
    guard let builtin = Builtin.named(callee) else {
      let functions = program.functions.map(\.name) + Builtin.names
      throw error(at, "unknown function `\(callee)`" + EditDistance.suggestion(for: callee, among: functions))
    }
    let (min, max) = builtin.arity
    try checkArity(callee, args, min: min, max: max, detail: " (as in \(builtin.usage))", at: at)
    switch builtin {
    case .future(let f): return .make(.builtin(f), try resolveArguments(args))
    case .plain(let p): return .plain(p, try resolveArguments(args))
    }
  }

  mutating func resolveMethod(
    _ receiver: String, _ method: String, _ args: [Expression], at: SourceLocation, methodAt: SourceLocation
  ) throws(Diagnostic) -> BoundExpression.Kind {
    if lookupLocal(receiver) != nil {
      throw error(at, "`\(receiver)` is a variable: only resources and channels have operations")
    }
    guard let (global, _) = globals[receiver] else {
      if Builtin.named(receiver) != nil {
        throw error(at, "`\(receiver)` is a built-in function: only resources and channels have operations")
      }
      let targets = program.resources.map(\.name) + program.channels.map(\.name)
      throw error(at, "unknown name `\(receiver)`" + EditDistance.suggestion(for: receiver, among: targets))
    }
    switch global {
    case .resource(let index):
      return .make(.resource(index, op: method), try resolveArguments(args))
    case .channel(let index):
      guard let op = ChannelOp(rawValue: method) else {
        // Only two candidates, so a looser limit: "recieve" still means recv.
        let hint = EditDistance.suggestion(
          for: method, among: ChannelOp.allCases.map(\.rawValue), limit: method.unicodeScalars.count / 2)
        throw error(
          methodAt,
          "channel `\(receiver)` has no operation `\(method)`\(hint) (a channel has send(value) and recv())")
      }
      let n = op == .send ? 1 : 0
      let detail = op == .send ? " (the value to send)" : ""
      try checkArity("\(receiver).\(method)", args, min: n, max: n, detail: detail, at: methodAt)
      return .make(.channel(index, op), try resolveArguments(args))
    case .function:
      throw error(at, "`\(receiver)` is an async fn: only resources and channels have operations")
    }
  }

  /// `spawn CALL`: the operand must be a call that makes a future.
  mutating func resolveSpawn(_ inner: Expression) throws(Diagnostic) -> BoundExpression.Kind {
    switch inner.kind {
    case .call, .method:
      let bound = try resolveExpression(inner)
      switch bound.kind {
      case .make(let recipe, let args):
        return .spawn(recipe, args)
      case .plain(let p, _):
        throw error(
          inner.location,
          "`\(p.rawValue)` runs at once and makes no future: spawn needs an async fn call, a resource operation or a built-in future"
        )
      default:
        throw error(inner.location, "spawn needs a call, as in `spawn handler(1)`")
      }
    default:
      throw error(
        inner.location, "spawn needs a call, as in `spawn handler(1)`: it starts a new task running that call"
      )
    }
  }
}

extension Resolver.Global {
  var isChannel: Bool {
    if case .channel = self { return true }
    return false
  }
}
