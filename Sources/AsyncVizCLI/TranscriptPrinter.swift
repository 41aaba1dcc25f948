import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#endif

/// Prints the narrated transcript to standard output and reports a failed
/// write (a full disk, a closed pipe) instead of exiting 0 with the text lost.
///
/// Writes with write(2) in 64 KiB chunks rather than through stdio, so the
/// error is seen where it happens.
enum TranscriptPrinter {
  static func print(_ trace: Trace) throws(CLIError) {
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 16)
    var failure: Int32 = 0
    Transcript.render(trace) { text in
      guard failure == 0 else { return }
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= 1 << 16 { failure = flush(&buffer) }
    }
    if failure == 0 { failure = flush(&buffer) }
    try check(failure)
  }

  /// Writes `text` to standard output, reporting a failed write as `print` does.
  static func write(_ text: String) throws(CLIError) {
    var buffer = Array(text.utf8)
    try check(flush(&buffer))
  }

  /// Throws the error a failed write (`failure`, an errno; 0 for none) is reported as.
  private static func check(_ failure: Int32) throws(CLIError) {
    guard failure != 0 else { return }
    let reason = String(cString: strerror(failure))
    throw CLIError("error: cannot write the transcript to standard output: \(reason)")
  }

  /// Writes and empties `buffer`; returns 0 or the errno of the failed write.
  private static func flush(_ buffer: inout [UInt8]) -> Int32 {
    var offset = 0
    while offset < buffer.count {
      let n = buffer.withUnsafeBytes { raw in
        Glibc.write(1, raw.baseAddress.map { $0 + offset }, raw.count - offset)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += n
    }
    buffer.removeAll(keepingCapacity: true)
    return 0
  }
}
