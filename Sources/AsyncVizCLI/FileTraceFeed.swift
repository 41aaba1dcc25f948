import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizUI

/// A saved trace file as the view sees it while it is still being read:
/// the view opens once the task table and the first events are in, and
/// each `advance()` decodes the next slice of events (the main loop calls
/// it between keys, G until the end). The file's problems that only its
/// end can show (the task table's and `end`'s checks) are found by the last
/// slice: `failure` holds the first, and the view closes for the command
/// to print it.
///
/// Why slices in the main loop and not a reader thread: the decoder, the
/// trace's arrays and the view's history then have one owner, with nothing
/// shared across threads under strict concurrency, and a slice (about 8 MB
/// of JSON) costs a few tens of milliseconds between two keys.
public final class FileTraceFeed: TraceFeed {
  /// Events decoded per `advance()`.
  public static let sliceEvents = 32_768
  /// The file being read.
  private let reader: TraceStreamReader
  /// The first problem found in the file, once reading failed.
  public private(set) var failure: TraceReadError?

  /// Opens `path` and reads up to its first slice of events; a problem in
  /// that part (or in a file that is read whole) is thrown here.
  public init(path: String) throws(TraceReadError) {
    reader = try TraceStreamReader(path: path)
    try reader.readMore(events: Self.sliceEvents)
  }

  /// What is read so far (the whole trace, with its end, once read).
  public var trace: Trace { reader.trace }

  /// Bytes of the file decoded so far.
  public var bytesRead: Int64 { reader.bytesRead }

  /// The file's size, when it is a regular file.
  public var fileSize: Int64? { reader.fileSize }

  public var isLive: Bool { isReading }

  public var isReading: Bool { !reader.isComplete && failure == nil }

  public var hasFailed: Bool { failure != nil }

  public var readProgress: Double? {
    guard let size = reader.fileSize, size > 0 else { return nil }
    return Double(reader.bytesRead) / Double(size)
  }

  public func advance() -> Bool {
    guard isReading else { return false }
    do {
      try reader.readMore(events: Self.sliceEvents)
    } catch {
      failure = error
      return false
    }
    return true
  }

  /// Reads the rest of the file (for `--export` after the user quit early):
  /// the whole trace, or the file's first problem.
  public func finish() throws(TraceReadError) -> Trace {
    while advance() {}
    if let failure { throw failure }
    return trace
  }
}
