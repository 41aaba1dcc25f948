/// What the type checker knows about a value, as a small lattice:
/// `unknown` (nothing yet) below the concrete types, below `any` (could be
/// several things: checked when the program runs instead).
///
/// Parameters have no written types; they get the join of the types of the
/// arguments at every call site, found by iterating to a fixed point.
indirect enum ValueType: Sendable, Equatable {
  case unknown
  case int
  case string
  case duration
  case unit
  case none
  case list([ValueType])
  /// A future whose output has this type.
  case future(ValueType)
  /// A join handle of a task whose output has this type.
  case handle(ValueType)
  case any

  /// How deeply futures, handles and lists nest (types deeper than a few
  /// levels are widened to `any`, so the fixed point is reached).
  var depth: Int {
    switch self {
    case .future(let t), .handle(let t): 1 + t.depth
    case .list(let ts): 1 + (ts.map(\.depth).max() ?? 0)
    default: 0
    }
  }

  /// The least type above both.
  static func join(_ a: ValueType, _ b: ValueType) -> ValueType {
    let joined: ValueType
    switch (a, b) {
    case (.unknown, _): joined = b
    case (_, .unknown): joined = a
    case _ where a == b: joined = a
    case (.future(let x), .future(let y)): joined = .future(join(x, y))
    case (.handle(let x), .handle(let y)): joined = .handle(join(x, y))
    case (.list(let xs), .list(let ys)) where xs.count == ys.count:
      joined = .list(zip(xs, ys).map { join($0, $1) })
    default: joined = .any
    }
    return joined.depth > 4 ? .any : joined
  }

  /// What awaiting a value of this type gives, or nil if it cannot be awaited.
  var awaitedOutput: ValueType? {
    switch self {
    case .future(let t), .handle(let t): t
    case .any: .any
    case .unknown: .unknown
    default: nil
    }
  }

  /// True for a type that is known and cannot be a future or handle.
  var isConcreteData: Bool {
    switch self {
    case .int, .string, .duration, .unit, .none, .list: true
    default: false
    }
  }

  var isFuture: Bool { if case .future = self { true } else { false } }

  /// A join handle: like a future, `.await` consumes it (Rust moves it).
  var isHandle: Bool { if case .handle = self { true } else { false } }

  /// The words messages use: "an integer".
  var described: String {
    switch self {
    case .int: "an integer"
    case .string: "a string"
    case .duration: "a duration"
    case .unit: "() (nothing)"
    case .none: "none"
    case .list(let ts): "a list of \(ts.count)"
    case .future: "a future"
    case .handle: "a join handle"
    case .unknown, .any: "a value"
    }
  }
}
