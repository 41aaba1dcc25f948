import ArgumentParser
import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#endif

/// A failure the user can act on: printed to stderr as is, then the process
/// exits with `code` (2 for bad usage or input, 1 for an abnormal run end).
public struct CLIError: Error, Sendable {
  /// The whole message, already formatted (one or more lines, no trailing newline).
  public var message: String
  /// The exit code; 2 unless said otherwise.
  public var code: Int32

  /// Makes an error.
  public init(_ message: String, code: Int32 = 2) {
    self.message = message
    self.code = code
  }
}

extension ExitCode {
  /// The exit status of a run that ended, for every command that runs or
  /// replays one: nothing (0) if it completed; 1 if it ended stuck, at a
  /// limit, in an error, or has no recorded end.
  static func unlessCompleted(_ reason: EndReason?) throws(ExitCode) {
    if reason != .completed { throw ExitCode(1) }
  }
}

/// Writes `text` and a newline to standard error, unbuffered.
func printError(_ text: String) {
  // Messages quote the command line, file names and file contents: every
  // control or bidirectional character is shown escaped, never sent raw.
  let safe = TerminalText.visibleLines(text)
  let line = safe.hasSuffix("\n") ? safe : safe + "\n"
  var bytes = Array(line.utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeMutableBytes { buf in
      write(2, buf.baseAddress.map { $0 + offset }, buf.count - offset)
    }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { return }
    offset += n
  }
  bytes.removeAll()
}

/// Whether both standard input and standard output are terminals.
func isInteractiveTerminal() -> Bool { isatty(0) == 1 && isatty(1) == 1 }
