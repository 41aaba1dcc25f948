#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file safely: bytes go to a hidden temporary file in the target's
/// folder, which is renamed over the target only once it is complete, so an
/// interrupted or failed export never leaves a half-written file under the
/// target's name (rename(2) within one file system is atomic).
///
/// Not fsync'd: the point is protection against interruption and errors, not
/// against power loss, and an fsync would dominate the time of an export.
struct TraceFileOutput {
  /// The target path.
  let path: String
  /// The temporary file's path, next to the target.
  let temporaryPath: String
  /// Open descriptor of the temporary file; -1 once closed.
  private var fd: Int32

  /// Creates the temporary file (mode 0666 minus the umask, like a normal file).
  init(path: String) throws(TraceWriteError) {
    self.path = path
    var attempt = 0
    while true {
      let candidate = TraceFileOutput.temporaryName(for: path, attempt: attempt)
      let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if opened >= 0 {
        temporaryPath = candidate
        fd = opened
        return
      }
      let code = errno
      if code == EINTR { continue }
      if code != EEXIST || attempt >= 100 {
        throw TraceWriteError(path: path, errno: code, doing: "creating a temporary file")
      }
      attempt += 1
    }
  }

  /// ".NAME.PID.N.tmp" in the target's folder: hidden, and unique per process.
  static func temporaryName(for path: String, attempt: Int) -> String {
    let slash = path.lastIndex(of: "/")
    let dir = slash.map { String(path[...$0]) } ?? ""
    let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return "\(dir).\(base).\(getpid()).\(attempt).tmp"
  }

  /// The folder a path is in, as a message should name it.
  static func folder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// Writes all of `bytes` (retrying short writes and interruptions).
  func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(TraceWriteError) {
    try TraceFileOutput.writeAll(bytes, to: fd, path: path)
  }

  /// Writes all of `bytes` to `fd`; a failure names `path`.
  static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32, path: String)
    throws(TraceWriteError)
  {
    guard var p = bytes.baseAddress else { return }
    var left = bytes.count
    while left > 0 {
      let n = systemWrite(fd, p, left)
      if n < 0 {
        let code = errno
        if code == EINTR || code == EAGAIN { continue }
        throw TraceWriteError(path: path, errno: code, doing: "write")
      }
      if n == 0 { throw TraceWriteError(path: path, errno: ENOSPC, doing: "write") }
      p += n
      left -= n
    }
  }

  /// Closes the temporary file and renames it over the target.
  mutating func commit() throws(TraceWriteError) {
    let closed = close(fd)
    fd = -1
    if closed != 0 {
      let code = errno
      unlink(temporaryPath)
      throw TraceWriteError(path: path, errno: code, doing: "close")
    }
    if rename(temporaryPath, path) != 0 {
      let code = errno
      unlink(temporaryPath)
      throw TraceWriteError(path: path, errno: code, doing: "rename")
    }
  }

  /// Closes and removes the temporary file after a failure.
  mutating func abandon() {
    if fd >= 0 { close(fd) }
    fd = -1
    unlink(temporaryPath)
  }
}

/// write(2), named apart from `TraceFileOutput.write` which hides it inside the type.
private func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int { write(fd, p, n) }
