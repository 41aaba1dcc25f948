#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a trace could not be written; `description` is the one-line message
/// the command line prints: `PATH: error: cannot write the trace: REASON`.
public struct TraceWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file that was to be written.
  public var path: String
  /// What went wrong, in words ("the folder /x does not exist").
  public var reason: String

  /// Describes a failure.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// A failure of a system call, explained from its errno.
  init(path: String, errno code: Int32, doing what: String) {
    self.init(path: path, reason: TraceWriteError.explain(code, path: path, doing: what))
  }

  public var description: String { "\(path): error: cannot write the trace: \(reason)" }

  /// Words for the errno values a user can act on; others get strerror.
  static func explain(_ code: Int32, path: String, doing what: String) -> String {
    let folder = TraceFileOutput.folder(of: path)
    switch code {
    case ENOENT: return "the folder \(folder) does not exist"
    case ENOTDIR: return "a part of the folder \(folder) is not a folder"
    case EACCES, EPERM: return "permission denied (the folder \(folder) is not writable)"
    case EROFS: return "the folder \(folder) is on a read-only file system"
    case ENOSPC: return "no space left on the device"
    case EDQUOT: return "the disk quota is exhausted"
    case EISDIR: return "it is a directory"
    case ENAMETOOLONG: return "the file name is too long"
    default:
      let text = strerror(code).map { String(cString: $0) } ?? "error"
      return "\(what) failed: \(text) (errno \(code))"
    }
  }
}
