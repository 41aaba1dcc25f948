/// What a .av value is, as far as a translation cares: the target languages
/// are statically typed and write these three very differently.
public enum ValueKind: Sendable, Equatable {
  /// Plain data: an integer, a string, a duration, (), none or a list.
  case data
  /// A lazy future (an async fn call, a resource or channel operation, a built-in future).
  case future
  /// A spawned task's join handle.
  case handle

  /// "a future", for messages.
  var described: String {
    switch self {
    case .data: "plain data"
    case .future: "a future"
    case .handle: "a join handle"
    }
  }
}

/// The kinds of the variables visible at a point of a fn, innermost block last
/// (a `let` inside a block ends with it, as in Rust).
public struct KindScope: Sendable {
  private var blocks: [[String: ValueKind]]

  /// The scope at the top of a fn: its parameters.
  public init(parameters: [String: ValueKind]) { blocks = [parameters] }

  /// The kind of a visible variable, or nil.
  public func kind(of name: String) -> ValueKind? {
    for block in blocks.reversed() { if let k = block[name] { return k } }
    return nil
  }

  /// `let name = ...` in the innermost block.
  public mutating func bind(_ name: String, _ kind: ValueKind) { blocks[blocks.count - 1][name] = kind }

  /// Entering a `{`.
  public mutating func enter() { blocks.append([:]) }

  /// Leaving a `}`.
  public mutating func leave() { blocks.removeLast() }
}
