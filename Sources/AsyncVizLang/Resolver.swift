/// Checks declarations and resolves every name, before anything runs:
/// duplicate definitions, a missing `main`, unknown names (with a "did you
/// mean"), wrong numbers of arguments, `spawn` of something that is not a
/// call, unknown channel operations. Produces the `BoundProgram`.
struct Resolver {
  /// What a top-level name stands for.
  enum Global {
    case resource(Int)
    case channel(Int)
    case function(Int)
  }

  /// The file, for diagnostics.
  let source: SourceFile
  /// The syntax tree being resolved.
  let program: Program
  /// Every declaration by name, with where it is declared.
  var globals: [String: (Global, SourceLocation)] = [:]

  // Per-function state, reset by `resolveFunction`.
  /// Slots of the fn being resolved; a slot's index is its place in the frame's locals.
  var slots: [Slot] = []
  /// Visible locals, innermost scope last.
  var scopes: [[String: Int]] = []
  /// Loops enclosing the statement being resolved.
  var loopDepth = 0

  init(_ source: SourceFile, _ program: Program) {
    self.source = source
    self.program = program
  }

  static func resolve(_ source: SourceFile, _ program: Program) throws(Diagnostic) -> BoundProgram {
    var resolver = Resolver(source, program)
    return try resolver.run()
  }

  func error(_ at: SourceLocation, _ message: String) -> Diagnostic { Diagnostic(source, at: at, message) }

  mutating func run() throws(Diagnostic) -> BoundProgram {
    var declarations: [(String, SourceLocation, Global)] = []
    for (i, r) in program.resources.enumerated() { declarations.append((r.name, r.location, .resource(i))) }
    for (i, c) in program.channels.enumerated() { declarations.append((c.name, c.location, .channel(i))) }
    for (i, f) in program.functions.enumerated() { declarations.append((f.name, f.location, .function(i))) }
    declarations.sort { $0.1 < $1.1 }
    for (name, location, global) in declarations {
      try checkFreeName(name, at: location)
      globals[name] = (global, location)
    }
    guard let main = program.functions.firstIndex(where: { $0.name == "main" }) else {
      throw error(source.endLocation, "no `async fn main()`: every program needs one, it is the first task")
    }
    if let p = program.functions[main].params.first {
      throw error(p.location, "`main` takes no parameters: it is the root task, started with nothing")
    }
    var functions: [BoundFunction] = []
    for f in program.functions { functions.append(try resolveFunction(f)) }
    return BoundProgram(
      resources: program.resources, channels: program.channels, functions: functions, main: main)
  }

  /// A declaration may not reuse a built-in's or another declaration's name.
  func checkFreeName(_ name: String, at location: SourceLocation) throws(Diagnostic) {
    if Builtin.named(name) != nil || reservedNames.contains(name) {
      throw error(location, "`\(name)` is a built-in name; choose another name")
    }
    if let (global, first) = globals[name] {
      throw error(
        location, "duplicate definition: `\(name)` is already \(describe(global)) (line \(first.line))")
    }
  }

  func describe(_ global: Global) -> String {
    switch global {
    case .resource: "a resource"
    case .channel: "a channel"
    case .function: "an async fn"
    }
  }

  mutating func resolveFunction(_ f: FunctionDecl) throws(Diagnostic) -> BoundFunction {
    slots = []
    scopes = [[:]]
    loopDepth = 0
    for p in f.params {
      if scopes[0][p.name] != nil {
        throw error(p.location, "duplicate definition: parameter `\(p.name)` appears twice")
      }
      _ = try declare(p.name, at: p.location)
    }
    let body = try resolveBlock(f.body)
    return BoundFunction(name: f.name, location: f.location, arity: f.params.count, slots: slots, body: body)
  }

  /// Makes a new slot visible in the innermost scope (shadowing is allowed, as in Rust).
  mutating func declare(_ name: String, at location: SourceLocation) throws(Diagnostic) -> Int {
    if Builtin.named(name) != nil || reservedNames.contains(name) {
      throw error(location, "`\(name)` is a built-in name; choose another name")
    }
    if let (global, first) = globals[name] {
      throw error(
        location, "`\(name)` is already \(describe(global)) (line \(first.line)); choose another name")
    }
    let slot = hidden(at: location, name: name)
    scopes[scopes.count - 1][name] = slot
    return slot
  }

  /// A slot no name can reach (loop counters).
  mutating func hidden(at location: SourceLocation, name: String = "") -> Int {
    slots.append(Slot(name: name, location: location, loopDepth: loopDepth))
    return slots.count - 1
  }

  func lookupLocal(_ name: String) -> Int? {
    for scope in scopes.reversed() { if let slot = scope[name] { return slot } }
    return nil
  }

  /// Every name visible here, for suggestions: locals first, then declarations, then built-ins.
  func visibleNames() -> [String] {
    let locals = scopes.reversed().flatMap { $0.keys.sorted() }
    return locals + globals.keys.sorted() + Builtin.names + reservedNames.sorted()
  }

  mutating func resolveBlock(_ statements: [Statement]) throws(Diagnostic) -> [BoundStatement] {
    scopes.append([:])
    defer { scopes.removeLast() }
    var out: [BoundStatement] = []
    for s in statements { out.append(try resolveStatement(s)) }
    return out
  }

  mutating func resolveStatement(_ s: Statement) throws(Diagnostic) -> BoundStatement {
    let kind: BoundStatement.Kind
    switch s.kind {
    case .let(let name, let nameAt, let value):
      let bound = try resolveExpression(value)
      kind = .let(slot: try declare(name, at: nameAt), value: bound)
    case .expression(let e):
      kind = .expression(try resolveExpression(e))
    case .repeat(let count, let body):
      let c = try resolveExpression(count)
      let counter = hidden(at: s.location)
      loopDepth += 1
      let b = try resolveBlock(body)
      loopDepth -= 1
      kind = .repeat(count: c, counter: counter, body: b)
    case .for(let name, let nameAt, let from, let to, let body):
      let f = try resolveExpression(from)
      let t = try resolveExpression(to)
      let counter = hidden(at: s.location)
      let end = hidden(at: s.location)
      loopDepth += 1
      scopes.append([:])
      let variable = try declare(name, at: nameAt)
      let b = try resolveBlock(body)
      scopes.removeLast()
      loopDepth -= 1
      kind = .for(variable: variable, counter: counter, end: end, from: f, to: t, body: b)
    case .if(let lhs, let op, let rhs, let then, let otherwise):
      let l = try resolveExpression(lhs)
      let r = try resolveExpression(rhs)
      let t = try resolveBlock(then)
      let e = try resolveBlock(otherwise ?? [])
      kind = .if(lhs: l, op: op, rhs: r, then: t, else: e)
    case .return(let value):
      if let value { kind = .return(try resolveExpression(value)) } else { kind = .return(nil) }
    }
    return BoundStatement(kind: kind, location: s.location)
  }
}
