import AsyncVizTraceCodecs
import Glibc

/// Checks an export's path before anything is written: a command never
/// writes over a file it reads, and never replaces a file asyncviz did not
/// write unless told to (`--force`). The kernel follows symbolic links here
/// (stat), so a link to the input is the input.
enum OutputGuard {
  /// How a file asyncviz wrote begins: the trace format, or a Chrome export.
  static let ownPrefixes: [[UInt8]] = [TraceJSONWriter.opening, ChromeTraceWriter.opening].map {
    $0.withUTF8Buffer { Array($0) }
  }

  /// What writing to a path would do to what is already there.
  enum Verdict: Equatable {
    /// Nothing is there: the write makes a new file.
    case new
    /// A regular file that is empty or a trace asyncviz wrote: safe to replace.
    case replaceable
    /// One of the command's inputs (named as given): never written.
    case input(String)
    /// A non-empty regular file asyncviz did not write: only with `--force`.
    case notOurs
    /// A directory, device or pipe: written to directly, or refused by the write itself.
    case special
  }

  /// What is at `output`, compared with `inputs` (same device and inode).
  static func verdict(_ output: String, inputs: [String]) -> Verdict {
    var target = stat()
    guard stat(output, &target) == 0 else { return .new }
    for input in inputs {
      var source = stat()
      if stat(input, &source) == 0 && source.st_dev == target.st_dev && source.st_ino == target.st_ino {
        return .input(input)
      }
    }
    guard target.st_mode & S_IFMT == S_IFREG else { return .special }
    return target.st_size == 0 || isOwnFile(output) ? .replaceable : .notOurs
  }

  /// Refuses `output` if it is one of `inputs`, or an existing non-empty
  /// regular file that is not a trace we wrote (unless `force`). A path that
  /// does not exist yet, or a device, passes.
  static func check(_ output: String, inputs: [String], force: Bool) throws(CLIError) {
    switch verdict(output, inputs: inputs) {
    case .input(let input):
      throw CLIError(
        "error: refusing to write the export to \(output): it is \(input), which this command reads "
          + "(choose another output file)")
    case .notOurs where !force:
      throw CLIError(
        "error: refusing to replace \(output): it exists and is not a trace asyncviz wrote "
          + "(use --force to replace it anyway)")
    case .new, .replaceable, .notOurs, .special:
      return
    }
  }

  /// Whether the file starts as a file asyncviz writes.
  static func isOwnFile(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    let want = ownPrefixes.map(\.count).max() ?? 0
    var bytes = [UInt8](repeating: 0, count: want)
    var have = 0
    while have < want {
      let n = bytes.withUnsafeMutableBytes { raw in
        guard let base = raw.baseAddress else { return -1 }
        return read(fd, base + have, want - have)
      }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      have += n
    }
    return ownPrefixes.contains { prefix in have >= prefix.count && Array(bytes[..<prefix.count]) == prefix }
  }
}
