/// Why an export failed, in words for the status line ("cannot write
/// /tmp/x.json: Permission denied"). `Result` needs an `Error`, so the
/// message is wrapped rather than passed as a bare `String`.
public struct ExportFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message shown after "Export failed: ".
  public var message: String

  /// Wraps a message.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
