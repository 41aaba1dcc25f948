import AsyncVizTrace

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a trace file a slice of events at a time, so that a view can show
/// the first steps while the rest of the file is still being read.
///
/// Opening reads everything before the events (format, version, program,
/// task table: the order `TraceJSONWriter` writes); each `readMore` decodes
/// the next events, and the one that reaches the end of the file runs the
/// checks that need the whole file (`TraceJSONReader.read`'s, the same code):
/// the first problem is thrown there, however late in the file it is. A
/// file whose "events" come before "program" or "tasks" is read whole when
/// opened (nothing could be shown before the task table anyway).
///
/// Not thread-safe: one owner calls it (the view's main loop reads slices
/// between frames).
public final class TraceStreamReader {
  /// The decoder, paused inside "events" until `isComplete`.
  private var decoder: TraceDecoder
  /// The descriptor read from; closed once the file is read or has failed.
  private var fd: Int32
  /// The whole trace, once read and checked.
  public private(set) var complete: Trace?
  /// The file's size, when it is a regular file (for a progress figure).
  public let fileSize: Int64?

  /// Opens `path` and reads the file up to its first event.
  public init(path: String) throws(TraceReadError) {
    let file = try TraceJSONReader.openFile(path: path)
    fd = file.fd
    fileSize = file.size
    var window = JSONReadWindow(
      fd: file.fd, chunk: TraceJSONReader.chunkSize, limit: TraceJSONReader.sizeLimit)
    window.fileSize = file.size
    decoder = TraceDecoder(window: window, path: path)
    do {
      try decoder.openDocument()
      if try !decoder.decodeMembers(pausingAtEvents: true) { complete = try decoder.closeDocument() }
    } catch {
      closeFile()
      throw error
    }
    if complete != nil { closeFile() }
  }

  deinit { closeFile() }

  /// Whether the whole file was read and checked.
  public var isComplete: Bool { complete != nil }

  /// Bytes of the file decoded so far.
  public var bytesRead: Int64 { decoder.window.offset }

  /// Events decoded so far.
  public var eventsRead: Int { complete?.events.count ?? decoder.events.count }

  /// The trace as far as it is read: the whole program and task table, the
  /// events decoded so far (the last step's may be partial), no `end` until
  /// complete. Built on each call from the decoder's arrays, which it
  /// shares: a caller that keeps it while `readMore` appends makes the
  /// arrays copy, so let go of it first.
  public var trace: Trace {
    if let complete { return complete }
    // Both are set before the decoder pauses inside "events".
    let program = decoder.program ?? ProgramInfo(name: "", source: "", backend: .sim)
    return Trace(
      program: program, tasks: decoder.tasks ?? [], events: decoder.events, strings: decoder.interner.strings,
      end: nil)
  }

  /// Decodes up to `count` more events; at the end of the events, the rest
  /// of the file and the whole-file checks (the first problem is thrown).
  public func readMore(events count: Int) throws(TraceReadError) {
    guard complete == nil else { return }
    do {
      if try decoder.decodeEventSlice(max: count) {
        _ = try decoder.decodeMembers(pausingAtEvents: false)
        complete = try decoder.closeDocument()
        // The trace holds the arrays now; the decoder's copies would only
        // make a later append copy them.
        decoder.events = []
        closeFile()
      }
    } catch {
      closeFile()
      throw error
    }
  }

  private func closeFile() {
    if fd >= 0 { close(fd) }
    fd = -1
  }
}
