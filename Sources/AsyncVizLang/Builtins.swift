/// A built-in that makes a future (lazy: nothing happens until it is awaited).
public enum BuiltinFuture: String, Sendable, CaseIterable {
  case sleep
  case yieldNow = "yield_now"
  case join
  case select
  case timeout
  case lostWaker = "lost_waker"
  case selfWake = "self_wake"
}

/// A built-in that runs at once, inside the current poll, and gives `()`.
public enum PlainCall: String, Sendable, CaseIterable {
  case print
  case block
  case work
}

/// A channel operation.
enum ChannelOp: String, Sendable, CaseIterable {
  case send
  case recv
}

/// What a name in call position can be when it is not an async fn.
enum Builtin: Sendable {
  case future(BuiltinFuture)
  case plain(PlainCall)

  /// Every built-in function name.
  static let names: [String] = BuiltinFuture.allCases.map(\.rawValue) + PlainCall.allCases.map(\.rawValue)

  /// Looks a name up.
  static func named(_ name: String) -> Builtin? {
    if let f = BuiltinFuture(rawValue: name) { return .future(f) }
    if let p = PlainCall(rawValue: name) { return .plain(p) }
    return nil
  }

  var name: String {
    switch self {
    case .future(let f): f.rawValue
    case .plain(let p): p.rawValue
    }
  }

  /// How many arguments it takes: a minimum, and a maximum (nil: no limit).
  var arity: (min: Int, max: Int?) {
    switch self {
    case .future(.yieldNow), .future(.lostWaker): (0, 0)
    case .future(.sleep), .future(.selfWake), .plain: (1, 1)
    case .future(.timeout): (2, 2)
    case .future(.join), .future(.select): (1, nil)
    }
  }

  /// How it is called, for messages.
  var usage: String {
    switch self {
    case .future(.sleep): "sleep(5ms)"
    case .future(.yieldNow): "yield_now()"
    case .future(.join): "join(future, ...)"
    case .future(.select): "select(future, ...)"
    case .future(.timeout): "timeout(30ms, future)"
    case .future(.lostWaker): "lost_waker()"
    case .future(.selfWake): "self_wake(5)"
    case .plain(.print): "print(\"text\")"
    case .plain(.block): "block(100ms)"
    case .plain(.work): "work(2ms)"
    }
  }
}

/// A name that no declaration may take: `none` is the value of a timeout that expired.
let reservedNames: Set<String> = ["none"]
