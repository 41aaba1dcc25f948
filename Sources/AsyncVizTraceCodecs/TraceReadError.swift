import AsyncVizTrace
import AsyncVizTraceState

/// Why a trace file could not be read. `description` is the one line the
/// command line prints before exiting with code 2:
/// `FILE: error: MESSAGE (event N, byte offset B)`.
public struct TraceReadError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file, as the user named it.
  public var path: String
  /// What is wrong, in words.
  public var message: String
  /// The index (`seq`) of the event being read, when the problem is inside one.
  public var event: Int?
  /// Where in the file the problem was found, when known.
  public var byteOffset: Int64?

  /// Describes a problem.
  public init(path: String, message: String, event: Int? = nil, byteOffset: Int64? = nil) {
    self.path = path
    self.message = message
    self.event = event
    self.byteOffset = byteOffset
  }

  public var description: String {
    var place: [String] = []
    if let event { place.append("event \(event)") }
    if let byteOffset { place.append("byte offset \(byteOffset)") }
    let suffix = place.isEmpty ? "" : " (\(place.joined(separator: ", ")))"
    return "\(path): error: \(message)\(suffix)"
  }
}
