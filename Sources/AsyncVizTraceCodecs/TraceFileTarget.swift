import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where an export's bytes go, decided before anything is written, so that
/// writing never destroys what the path names: a device, a FIFO or a
/// symbolic link is written through, never replaced by a new regular file.
enum TraceFileTarget: Equatable {
  /// The path names one of this process's open descriptors (`/dev/stdout`,
  /// `/dev/fd/N`, `/proc/self/fd/N`): write to a duplicate of it, which keeps
  /// the shell's offset and append mode (`>>`) and works for pipes.
  case inherited(fd: Int32)
  /// An existing file that is not a regular file (a character or block
  /// device, a FIFO): opened for writing as it is, never created or truncated.
  case special(path: String)
  /// A regular file or a new name: written through a temporary file renamed
  /// over `path`, which is the target after following every symbolic link,
  /// so a link stays a link and its target gets the new bytes.
  case replace(path: String)

  /// Symbolic links followed before giving up, as the kernel's own limit (ELOOP).
  static let maxLinks = 40

  /// Decides where `path`'s bytes go; a failure names `path` and the reason.
  static func resolve(_ path: String) throws(TraceWriteError) -> TraceFileTarget {
    if path.isEmpty { throw TraceWriteError(path: path, reason: "an empty path is not a file name") }
    if let fd = inheritedDescriptor(path) { return .inherited(fd: fd) }
    var info = stat()
    if stat(path, &info) == 0 {
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        guard let real = realpath(path, nil) else { return .replace(path: path) }
        defer { free(real) }
        return .replace(path: String(cString: real))
      case S_IFDIR: throw TraceWriteError(path: path, reason: "it is a directory")
      case S_IFSOCK:
        throw TraceWriteError(path: path, reason: "it is a socket, which cannot be written as a file")
      default: return .special(path: path)
      }
    }
    let code = errno
    guard code == ENOENT else {
      throw TraceWriteError(path: path, errno: code, doing: "looking up the file", folder: nil)
    }
    return .replace(path: try danglingTarget(path))
  }

  /// The file a chain of symbolic links ends at when that file does not
  /// exist yet (or `path` itself when it is not a link).
  static func danglingTarget(_ path: String) throws(TraceWriteError) -> String {
    var current = path
    for _ in 0..<maxLinks {
      var info = stat()
      guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, buffer.count - 1)
      if count < 0 {
        throw TraceWriteError(path: path, errno: errno, doing: "reading the symbolic link", folder: nil)
      }
      let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if link.hasPrefix("/") {
        current = link
      } else {
        let folder = TraceFileOutput.folder(of: current)
        current = folder == "/" ? "/" + link : folder + "/" + link
      }
    }
    throw TraceWriteError(path: path, errno: ELOOP, doing: "following symbolic links", folder: nil)
  }

  /// The descriptor a `/dev/stdout`-like path names, if it is open.
  static func inheritedDescriptor(_ path: String) -> Int32? {
    let number: Substring
    switch path {
    case "/dev/stdout": number = "1"
    case "/dev/stderr": number = "2"
    default:
      guard let prefix = ["/dev/fd/", "/proc/self/fd/"].first(where: { path.hasPrefix($0) }) else {
        return nil
      }
      number = path.dropFirst(prefix.count)
    }
    guard let fd = Int32(number), fd >= 0, fcntl(fd, F_GETFD) != -1 else { return nil }
    return fd
  }
}
