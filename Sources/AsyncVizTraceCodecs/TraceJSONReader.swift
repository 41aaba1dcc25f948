import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a trace in the asyncviz JSON format (docs/trace-format.md).
///
/// Streaming: the file is read in 1 MiB chunks and decoded straight into
/// events, never into a JSON tree, so memory stays near the size of the
/// decoded trace. Notes are derived data: they are checked to be strings and
/// dropped (a replay recomputes them). Every problem, from an empty file to an
/// event naming an unknown task, is a `TraceReadError`.
public enum TraceJSONReader {
  /// Files larger than this are refused.
  public static let sizeLimit: Int64 = 2 << 30
  /// `sizeLimit` in words.
  static let sizeLimitText = "2 GiB"
  /// Bytes read per chunk.
  static let chunkSize = 1 << 20

  /// Reads the file at `path`.
  public static func read(path: String) throws(TraceReadError) -> Trace {
    try read(path: path, chunkSize: chunkSize)
  }

  /// Reads with a given chunk size (tests use tiny chunks so that every token
  /// straddles a refill).
  static func read(path: String, chunkSize: Int) throws(TraceReadError) -> Trace {
    let file = try openFile(path: path)
    defer { close(file.fd) }
    var window = JSONReadWindow(fd: file.fd, chunk: chunkSize, limit: sizeLimit)
    window.fileSize = file.size
    var decoder = TraceDecoder(window: window, path: path)
    return try decoder.decodeTrace()
  }

  /// Opens `path` for reading (refusing a directory or a file over the
  /// limit); the caller closes `fd`. `size`: a regular file's size.
  static func openFile(path: String) throws(TraceReadError) -> (fd: Int32, size: Int64?) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw TraceReadError(path: path, message: "cannot open the file: \(describe(errno: errno))")
    }
    var info = stat()
    guard fstat(fd, &info) == 0 else {
      let code = errno
      close(fd)
      throw TraceReadError(path: path, message: "cannot read the file: \(describe(errno: code))")
    }
    let type = info.st_mode & S_IFMT
    if type == S_IFDIR {
      close(fd)
      throw TraceReadError(path: path, message: "this is a directory, not a trace file")
    }
    if type == S_IFREG && Int64(info.st_size) > sizeLimit {
      close(fd)
      throw TraceReadError(
        path: path,
        message: "the file is too large (\(info.st_size) bytes; asyncviz reads traces up to \(sizeLimitText))"
      )
    }
    guard type == S_IFREG else { return (fd, nil) }
    posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_SEQUENTIAL))
    return (fd, Int64(info.st_size))
  }

  /// Decodes a whole file held in memory; `name` is used in messages.
  public static func decode(_ bytes: [UInt8], name: String) throws(TraceReadError) -> Trace {
    var decoder = TraceDecoder(window: JSONReadWindow(bytes: bytes), path: name)
    return try decoder.decodeTrace()
  }

  /// "No such file or directory", from an errno.
  static func describe(errno code: Int32) -> String {
    switch code {
    case ENOENT: "no such file"
    case EACCES: "permission denied"
    case EISDIR: "this is a directory, not a trace file"
    default: (strerror(code).map { String(cString: $0) } ?? "error") + " (errno \(code))"
    }
  }
}
