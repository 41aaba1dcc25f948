/// The syntax tree of a program, as the parser reads it. Every node keeps the
/// location of its first token so that later checks can point at it.

/// A whole program: declarations in source order.
struct Program: Sendable {
  var resources: [ResourceDecl] = []
  var channels: [ChannelDecl] = []
  var functions: [FunctionDecl] = []
}

/// `resource db latency 40ms`.
struct ResourceDecl: Sendable {
  var name: String
  var location: SourceLocation
  var latencyUs: Int64
}

/// `channel jobs capacity 2`.
struct ChannelDecl: Sendable {
  var name: String
  var location: SourceLocation
  var capacity: Int
}

/// `async fn name(params) { body }`.
struct FunctionDecl: Sendable {
  var name: String
  var location: SourceLocation
  var params: [Parameter]
  var body: [Statement]
}

/// A parameter name and where it is written.
struct Parameter: Sendable {
  var name: String
  var location: SourceLocation
}

/// `==` or `!=` in an `if`.
enum Comparison: String, Sendable {
  case equal = "=="
  case notEqual = "!="
}

/// One statement and where it starts.
struct Statement: Sendable {
  enum Kind: Sendable {
    case `let`(name: String, nameAt: SourceLocation, value: Expression)
    case expression(Expression)
    case `repeat`(count: Expression, body: [Statement])
    case `for`(name: String, nameAt: SourceLocation, from: Expression, to: Expression, body: [Statement])
    case `if`(lhs: Expression, op: Comparison, rhs: Expression, then: [Statement], else: [Statement]?)
    case `return`(Expression?)
  }

  var kind: Kind
  var location: SourceLocation
}

/// One expression and where it starts.
struct Expression: Sendable {
  indirect enum Kind: Sendable {
    case int(Int64)
    case duration(Int64)
    case string([StringPart])
    case name(String)
    /// `f(args)`; the node's location is the name's.
    case call(callee: String, args: [Expression])
    /// `receiver.method(args)`; the node's location is the receiver's.
    case method(receiver: String, method: String, methodAt: SourceLocation, args: [Expression])
    case await(Expression)
    case spawn(Expression)
    /// `list[index]`; `indexAt` is the `[`.
    case index(Expression, Int64, indexAt: SourceLocation)
  }

  var kind: Kind
  var location: SourceLocation
}
