import AsyncVizTrace

/// Types of expressions, and the move check on futures.
extension TypeChecker {
  /// The type of `e`. With `consume`, a variable holding a future is moved
  /// (awaited, passed on, stored elsewhere) and may not be used again.
  mutating func type(of e: BoundExpression, consume: Bool) throws(Diagnostic) -> ValueType {
    switch e.kind {
    case .constant(.int): return .int
    case .constant(.string), .interpolate: return .string
    case .constant(.duration): return .duration
    case .constant(.none): return .none
    case .constant(.unit): return .unit
    case .local(let slot):
      let t = slotTypes[slot]
      if consume && (t.isFuture || t.isHandle) { try move(slot, at: e.location, handle: t.isHandle) }
      return t
    case .make(let recipe, let args):
      return .future(try output(of: recipe, args, at: e.location))
    case .spawn(let recipe, let args):
      return .handle(try output(of: recipe, args, at: e.location))
    case .plain(let call, let args):
      if call == .print {
        _ = try type(of: args[0], consume: false)
      } else {
        try expect(.duration, args[0], what: "`\(call.rawValue)` needs a duration")
      }
      return .unit
    case .await(let inner):
      let t = try type(of: inner, consume: true)
      guard let output = t.awaitedOutput else {
        try fail(inner.location, notAwaitable(inner, t, what: "cannot await"))
        return .any
      }
      return output
    case .index(let list, let i, let at):
      let t = try type(of: list, consume: false)
      switch t {
      case .list(let items) where i < items.count: return items[i]
      case .list(let items):
        try fail(
          at,
          "index \(i) is out of range: this list has \(English.count(items.count, "item")) (the first is [0])"
        )
        return .any
      case .any, .unknown: return .any
      default:
        try fail(at, "only lists (from join and select) can be indexed, but this is \(t.described)")
        return .any
      }
    }
  }

  func notAwaitable(_ e: BoundExpression, _ t: ValueType, what: String) -> String {
    if case .plain(let call, _) = e.kind {
      return "\(what) `\(call.rawValue)(...)`: it runs at once and gives (), it is not a future"
    }
    return
      "\(what) \(t.described): only futures (async fn calls, resource operations, sleep(...), ...) and join handles can be awaited"
  }

  /// The output type of the future `recipe` makes; checks its arguments.
  mutating func output(of recipe: FutureRecipe, _ args: [BoundExpression], at: SourceLocation)
    throws(Diagnostic)
    -> ValueType
  {
    switch recipe {
    case .asyncFn(let f):
      for (k, a) in args.enumerated() {
        let t = try type(of: a, consume: true)
        params[f][k] = widened(params[f][k], t)
      }
      return returns[f]
    case .resource:
      for a in args { _ = try type(of: a, consume: false) }
      return .string
    case .channel(let c, .send):
      let t = try type(of: args[0], consume: true)
      channels[c] = widened(channels[c], t)
      return .unit
    case .channel(let c, .recv):
      return channels[c]
    case .builtin(.sleep):
      try expect(.duration, args[0], what: "`sleep` needs a duration")
      return .unit
    case .builtin(.yieldNow), .builtin(.lostWaker):
      return .unit
    case .builtin(.selfWake):
      try expect(.int, args[0], what: "`self_wake` needs a whole number of wakes")
      return .unit
    case .builtin(.join):
      return .list(try awaitedOutputs(args, of: "join"))
    case .builtin(.select):
      let outputs = try awaitedOutputs(args, of: "select")
      return .list([.int, outputs.reduce(ValueType.unknown) { ValueType.join($0, $1) }])
    case .builtin(.timeout):
      try expect(.duration, args[0], what: "`timeout` needs a duration first")
      let output = try awaitedOutputs([args[1]], of: "timeout", firstIndex: 2)[0]
      return ValueType.join(output, .none)
    }
  }

  /// The outputs of futures given to join/select/timeout, which take them over.
  mutating func awaitedOutputs(_ args: [BoundExpression], of name: String, firstIndex: Int = 1)
    throws(Diagnostic)
    -> [ValueType]
  {
    var outputs: [ValueType] = []
    for (k, a) in args.enumerated() {
      let t = try type(of: a, consume: true)
      guard let output = t.awaitedOutput else {
        try fail(
          a.location, notAwaitable(a, t, what: "`\(name)` needs futures, but argument \(k + firstIndex) is"))
        outputs.append(.any)
        continue
      }
      outputs.append(output)
    }
    return outputs
  }

  /// Records that the future or join handle in `slot` was consumed (awaited,
  /// or given to join/select/timeout, an async fn or a channel); a second use
  /// is an error, as is a use inside a loop of a value made outside it (moved
  /// in the first iteration, used again in the next, which Rust rejects too).
  /// A handle's messages are Rust's E0382, in its words, with where the value moved.
  mutating func move(_ slot: Int, at: SourceLocation, handle: Bool) throws(Diagnostic) {
    let info = program.functions[function].slots[slot]
    if let first = moves[slot] {
      try fail(
        at,
        handle
          ? "use of moved value: `\(info.name)` (value moved here: \(source.name):\(first.line):\(first.column); "
            + "awaiting a join handle consumes it, so its output can be taken only once)"
          : "future `\(info.name)` was already awaited or passed on at line \(first.line): a future runs once (in Rust, a use of a moved value)"
      )
    }
    if loopDepth > info.loopDepth {
      try fail(
        at,
        handle
          ? "use of moved value: `\(info.name)` (value moved here, in the previous iteration of the loop: "
            + "the handle is made outside this loop, at \(source.name):\(info.location.line):\(info.location.column))"
          : "future `\(info.name)` is made outside this loop but used inside it: the second time round it would be used again; make it inside the loop"
      )
    }
    if moves[slot] == nil { moves[slot] = at }
  }
}
