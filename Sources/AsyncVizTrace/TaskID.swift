/// Identifies a task in a trace: 1 for the root task, then in spawn order.
///
/// A plain 32-bit value so that events stay small and the runtime's hot path
/// copies no references.
public struct TaskID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The id as written in traces; 0 never names a task.
  public let rawValue: UInt32

  /// Wraps a raw id.
  public init(_ rawValue: UInt32) { self.rawValue = rawValue }

  /// The position of the task in zero-based tables (`rawValue - 1`).
  @inlinable public var index: Int { Int(rawValue) - 1 }

  public static func < (lhs: TaskID, rhs: TaskID) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { "#\(rawValue)" }
}

/// Index of a string in a trace's string table (resource names, ops, output text).
///
/// Interning keeps events plain values; 0 is always the empty string.
public struct StringID: Hashable, Sendable {
  /// Position in `Trace.strings`.
  public let rawValue: Int32

  /// Wraps a raw index.
  public init(_ rawValue: Int32) { self.rawValue = rawValue }

  /// The empty string, present in every table.
  public static let empty = StringID(0)
}
