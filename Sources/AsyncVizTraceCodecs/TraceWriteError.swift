import AsyncVizTrace
import AsyncVizTraceState

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

  public var description: String { "\(path): error: cannot write the trace: \(reason)" }
}

// Only this module makes one: the memberwise `init(path:reason:)` and the
// errno one below (in an extension, so that the memberwise one stays).
extension TraceWriteError {
  /// What `TraceFileOutput` is doing when it makes the file renamed into place.
  static let creatingTemporary = "creating a temporary file"

  /// A failure of a system call, explained from its errno; `folder` is the
  /// folder the file was being created in (nil when no folder was involved).
  init(path: String, errno code: Int32, doing what: String, folder: String?) {
    self.init(path: path, reason: TraceWriteError.explain(code, doing: what, folder: folder))
  }

  /// Words for the errno values a user can act on; others get strerror.
  /// Folder-specific words only when the folder is really the cause (the
  /// kernel says ENOENT for a missing folder and for a file system such as
  /// /proc that refuses new files alike).
  static func explain(_ code: Int32, doing what: String, folder: String?) -> String {
    switch code {
    case ENOENT:
      guard let folder else { break }
      if !exists(folder) { return "the folder \(folder) does not exist" }
      // A folder that exists but says ENOENT to a new file: a file system
      // such as /proc, whose files are made by the kernel alone.
      if what == creatingTemporary {
        return "the folder \(folder) cannot hold a new file (the trace is written to a new file there, "
          + "then renamed over the old one)"
      }
    case ENOTDIR:
      if let folder { return "a part of the folder \(folder) is not a folder" }
    case EACCES, EPERM:
      guard let folder else { return "permission denied" }
      return access(folder, W_OK) != 0
        ? "permission denied (the folder \(folder) is not writable)"
        : "permission denied (the folder \(folder) refuses new files)"
    case EROFS:
      return folder.map { "the folder \($0) is on a read-only file system" } ?? "read-only file system"
    case ENOSPC: return "no space left on the device"
    case EDQUOT: return "the disk quota is exhausted"
    case EISDIR: return "it is a directory"
    case ENAMETOOLONG: return "the file name is too long"
    case ELOOP: return "too many levels of symbolic links"
    default: break
    }
    let text = strerror(code).map { String(cString: $0) } ?? "error"
    return "\(what) failed: \(text) (errno \(code))"
  }

  /// Whether something exists at `path` (following links).
  private static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }
}
