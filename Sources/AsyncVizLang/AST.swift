/// The syntax tree of a program, as the parser reads it. Every node keeps the
/// location of its first token so that later checks can point at it.

/// A whole program: declarations in source order.
public struct Program: Sendable {
  /// Resource declarations, in source order.
  public var resources: [ResourceDecl] = []
  /// Channel declarations, in source order.
  public var channels: [ChannelDecl] = []
  /// Async fns, in source order.
  public var functions: [FunctionDecl] = []
  /// Constants, in source order. The parser puts each one's value in place
  /// of its name wherever it is used, so nothing after the parser sees them.
  public var constants: [ConstantDecl] = []
}

/// `const requests = 1000`: a whole number with a name, at the top level.
public struct ConstantDecl: Sendable {
  /// The name as written.
  public var name: String
  /// Where the name starts.
  public var location: SourceLocation
  /// The value: as written, or as `--set NAME=VALUE` replaced it.
  public var value: Int64
}

/// `resource db latency 40ms`.
public struct ResourceDecl: Sendable {
  /// The name as written.
  public var name: String
  /// Where the name (or the node) starts.
  public var location: SourceLocation
  /// Microseconds to answer each request; 0 to 1 hour (checked by the parser).
  public var latencyUs: Int64
}

/// `channel jobs capacity 2`.
public struct ChannelDecl: Sendable {
  /// The name as written.
  public var name: String
  /// Where the name (or the node) starts.
  public var location: SourceLocation
  /// Items the channel buffers; 1 to `Limits.maxCapacity` (checked by the parser).
  public var capacity: Int
  /// The constant the capacity was written as (`capacity requests`), if any:
  /// the translators print its name.
  public var capacityConstant: String? = nil
}

/// `async fn name(params) { body }`.
public struct FunctionDecl: Sendable {
  /// The name as written.
  public var name: String
  /// Where the name (or the node) starts.
  public var location: SourceLocation
  /// Parameters in order.
  public var params: [Parameter]
  /// The statements of the fn's block.
  public var body: [Statement]
}

/// A parameter name and where it is written.
public struct Parameter: Sendable {
  /// The name as written.
  public var name: String
  /// Where the name (or the node) starts.
  public var location: SourceLocation
}

/// `==` or `!=` in an `if`.
public enum Comparison: String, Sendable {
  case equal = "=="
  case notEqual = "!="
}

/// One statement and where it starts.
public struct Statement: Sendable {
  public enum Kind: Sendable {
    case `let`(name: String, nameAt: SourceLocation, value: Expression)
    case expression(Expression)
    case `repeat`(count: Expression, body: [Statement])
    case `for`(name: String, nameAt: SourceLocation, from: Expression, to: Expression, body: [Statement])
    case `if`(lhs: Expression, op: Comparison, rhs: Expression, then: [Statement], else: [Statement]?)
    case `return`(Expression?)
  }

  /// What the node is.
  public var kind: Kind
  /// Where the name (or the node) starts.
  public var location: SourceLocation
}

/// One expression and where it starts.
public struct Expression: Sendable {
  public indirect enum Kind: Sendable {
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

  /// What the node is.
  public var kind: Kind
  /// Where the name (or the node) starts.
  public var location: SourceLocation
  /// For an integer written as a constant's name (`requests`), that name:
  /// the parser has put the value in `kind`; the translators print the name.
  public var constant: String? = nil
}
