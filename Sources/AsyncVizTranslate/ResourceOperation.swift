/// `db.query`: a resource and one of the operation names used on it.
public struct ResourceOperation: Sendable, Hashable {
  /// The resource's name.
  public var resource: String
  /// The operation's name.
  public var operation: String
}
