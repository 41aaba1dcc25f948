/// The checked form of a program: names resolved to slots, functions,
/// resources and channels; arity checked. The type checker and the compiler
/// read this, never the raw syntax tree.

/// How a future is made: what `db.query(x)`, `handler(1)` or `sleep(5ms)` turn into.
enum FutureRecipe: Sendable, Equatable {
  /// An async fn, by index in `BoundProgram.functions`.
  case asyncFn(Int)
  case builtin(BuiltinFuture)
  /// `resource.op(...)`, by resource index.
  case resource(Int, op: String)
  /// `channel.send(v)` / `channel.recv()`, by channel index.
  case channel(Int, ChannelOp)
}

/// A literal value.
enum Constant: Sendable, Equatable {
  case int(Int64)
  case string(String)
  case duration(Int64)
  case none
  /// `()`: what a function gives when it ends without `return VALUE`.
  case unit
}

/// A piece of an interpolated string.
enum Piece: Sendable, Equatable {
  case text(String)
  case local(Int)
}

/// A resolved expression.
struct BoundExpression: Sendable {
  indirect enum Kind: Sendable {
    case constant(Constant)
    case interpolate([Piece])
    case local(Int)
    /// Makes a future from the arguments (evaluated first, left to right).
    case make(FutureRecipe, [BoundExpression])
    /// Makes a future and spawns it as a new task: gives a join handle.
    case spawn(FutureRecipe, [BoundExpression])
    case plain(PlainCall, [BoundExpression])
    case await(BoundExpression)
    case index(BoundExpression, Int, at: SourceLocation)
  }

  /// What the node is.
  var kind: Kind
  /// Where the name (or the node) starts.
  var location: SourceLocation
}

/// A resolved statement.
struct BoundStatement: Sendable {
  enum Kind: Sendable {
    case `let`(slot: Int, value: BoundExpression)
    case expression(BoundExpression)
    /// `counter` is a hidden slot holding the iterations left.
    case `repeat`(count: BoundExpression, counter: Int, body: [BoundStatement])
    /// `counter` and `end` are hidden slots; `variable` gets each value.
    case `for`(
      variable: Int, counter: Int, end: Int, from: BoundExpression, to: BoundExpression,
      body: [BoundStatement])
    case `if`(
      lhs: BoundExpression, op: Comparison, rhs: BoundExpression, then: [BoundStatement],
      else: [BoundStatement])
    case `return`(BoundExpression?)
  }

  /// What the node is.
  var kind: Kind
  /// Where the name (or the node) starts.
  var location: SourceLocation
}

/// A local variable slot: a parameter, a `let`, a loop variable or a hidden counter.
struct Slot: Sendable {
  /// The variable's name ("" for hidden counters).
  var name: String
  /// Where it is declared.
  var location: SourceLocation
  /// How many loops enclose the declaration (a future made outside a loop
  /// cannot be awaited inside it: the second iteration would await it again).
  var loopDepth: Int
}

/// A resolved async fn.
struct BoundFunction: Sendable {
  /// The name as written.
  var name: String
  /// Where the name (or the node) starts.
  var location: SourceLocation
  /// Parameters are slots 0..<arity.
  var arity: Int
  /// Every local slot; parameters first.
  var slots: [Slot]
  /// The resolved statements.
  var body: [BoundStatement]
}

/// A resolved program.
struct BoundProgram: Sendable {
  /// Resources, by index (`FutureRecipe.resource`).
  var resources: [ResourceDecl]
  /// Channels, by index (`FutureRecipe.channel`).
  var channels: [ChannelDecl]
  /// Async fns, by index (`FutureRecipe.asyncFn`), in source order.
  var functions: [BoundFunction]
  /// Index of `main` in `functions`.
  var main: Int

  /// The task name `spawn` gives to a future made by `recipe`, and the
  /// label of such a future kept as a value (in messages and `<future ...>`).
  func name(of recipe: FutureRecipe) -> String {
    switch recipe {
    case .asyncFn(let i): functions[i].name
    case .builtin(let b): b.rawValue
    case .resource(let r, let op): "\(resources[r].name).\(op)"
    case .channel(let c, let op): "\(channels[c].name).\(op.rawValue)"
    }
  }
}
