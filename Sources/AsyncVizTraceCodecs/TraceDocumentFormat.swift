import AsyncVizTrace

/// A file format whose document is streamed through `JSONBytes` (the asyncviz
/// JSON and the Chrome trace): the in-memory and the to-a-file forms of
/// writing it are the same for both, so they are written once here. Package
/// wide (not public): the executables of this package are its only users.
package protocol TraceDocumentFormat {
  /// About how many bytes an event takes, to size an in-memory document.
  static var bytesPerEvent: Int { get }
  /// Writes the whole document, calling `flush` between events.
  static func encode<E: Error>(
    _ trace: Trace, into out: inout JSONBytes, flush: (inout JSONBytes) throws(E) -> Void
  ) throws(E)
}

extension TraceDocumentFormat {
  /// The whole document, in memory (for tests and small traces).
  package static func encode(_ trace: Trace) -> [UInt8] {
    JSONBytes.collect(capacity: 4096 + trace.events.count * bytesPerEvent) { out in
      encode(trace, into: &out) { (_: inout JSONBytes) throws(Never) in }
    }
  }

  /// Writes the document at `path` through `TraceFileOutput` (a temporary
  /// file renamed into place): on failure the target is left as it was and
  /// the error names the path and the reason.
  package static func write(_ trace: Trace, to path: String) throws(TraceWriteError) {
    try TraceFileOutput.write(to: path) { (out, flush) throws(TraceWriteError) in
      try encode(trace, into: &out, flush: flush)
    }
  }
}
