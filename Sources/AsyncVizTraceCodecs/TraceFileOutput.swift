import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes an export without ever damaging what its path names
/// (`TraceFileTarget` decides how).
///
/// A regular file or a new name: bytes go to a hidden temporary file in the
/// (link-resolved) target's folder, renamed over the target only once it is
/// complete, so an interrupted or failed export never leaves a half-written
/// file under the target's name (rename(2) within one file system is atomic).
/// A device, a FIFO or an inherited descriptor (`/dev/stdout`) is written
/// directly: it cannot be replaced, and a temporary file would destroy it.
///
/// Not fsync'd: the point is protection against interruption and errors, not
/// against power loss, and an fsync would dominate the time of an export.
struct TraceFileOutput {
  /// The open file and what finishing it means.
  enum Sink {
    /// A temporary file, renamed to `target` by `commit`.
    case temporary(fd: Int32, temporaryPath: String, target: String)
    /// The target itself (a device, a FIFO, a duplicated descriptor).
    case direct(fd: Int32)
    /// Committed or abandoned; nothing is open.
    case closed
  }

  /// The path as the user gave it, for messages.
  let path: String
  /// The open file; `.closed` after `commit` or `abandon`.
  private(set) var sink: Sink

  /// Opens the target, or a temporary file next to it (mode 0666 minus the
  /// umask, like a normal file).
  init(path: String) throws(TraceWriteError) {
    self.path = path
    switch try TraceFileTarget.resolve(path) {
    case .inherited(let fd):
      let copy = fcntl(fd, F_DUPFD_CLOEXEC, 0)
      if copy < 0 { throw TraceWriteError(path: path, errno: errno, doing: "dup", folder: nil) }
      sink = .direct(fd: copy)
    case .special(let target):
      sink = .direct(fd: try TraceFileOutput.openExisting(target, path: path))
    case .replace(let target):
      var existing = stat()
      if stat(target, &existing) == 0 && existing.st_nlink > 1 {
        // Hard-linked: a rename would split the links. Written in place, so
        // every name sees the new trace (an interrupted write leaves it cut).
        sink = .direct(fd: try TraceFileOutput.openExisting(target, path: path, truncate: true))
        return
      }
      sink = try TraceFileOutput.createTemporary(for: target, path: path)
      if case .temporary(let fd, _, _) = sink {
        if stat(target, &existing) == 0 {
          // The replacement keeps the replaced file's permissions, and its
          // owner where the process may set it (root, or the same owner).
          fchmod(fd, existing.st_mode & 0o7777)
          _ = fchown(fd, existing.st_uid, existing.st_gid)
        }
      }
    }
  }

  /// Opens a device or FIFO for writing as it is (a FIFO waits for a reader).
  static func openExisting(_ target: String, path: String, truncate: Bool = false) throws(TraceWriteError)
    -> Int32
  {
    while true {
      let fd = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY | (truncate ? O_TRUNC : 0))
      if fd >= 0 { return fd }
      let code = errno
      if code != EINTR { throw TraceWriteError(path: path, errno: code, doing: "open", folder: nil) }
    }
  }

  /// Creates ".NAME.PID.N.tmp" next to `target`.
  static func createTemporary(for target: String, path: String) throws(TraceWriteError) -> Sink {
    TemporaryFiles.removeStale(for: target)
    var attempt = 0
    while true {
      let candidate = temporaryName(for: target, attempt: attempt)
      // Guarded before it exists: a signal between open and a later `track`
      // would leave the file behind. The name carries our pid, so a file the
      // handler could find under it that open did not create is a dead
      // process's leftover.
      TemporaryFiles.track(candidate)
      let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if opened >= 0 { return .temporary(fd: opened, temporaryPath: candidate, target: target) }
      let code = errno
      TemporaryFiles.untrack()
      if code == EINTR { continue }
      if code != EEXIST || attempt >= 100 {
        throw TraceWriteError(
          path: path, errno: code, doing: TraceWriteError.creatingTemporary, folder: folder(of: target))
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
    switch sink {
    case .temporary(let fd, _, _), .direct(let fd):
      try TraceFileOutput.writeAll(bytes, to: fd, path: path)
    case .closed:
      throw TraceWriteError(path: path, errno: EBADF, doing: "write", folder: nil)
    }
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
        throw TraceWriteError(path: path, errno: code, doing: "write", folder: nil)
      }
      if n == 0 { throw TraceWriteError(path: path, errno: ENOSPC, doing: "write", folder: nil) }
      p += n
      left -= n
    }
  }

  /// Finishes: closes the file and, for a temporary file, renames it over the target.
  mutating func commit() throws(TraceWriteError) {
    let current = sink
    sink = .closed
    switch current {
    case .closed: return
    case .direct(let fd):
      if close(fd) != 0 { throw TraceWriteError(path: path, errno: errno, doing: "close", folder: nil) }
    case .temporary(let fd, let temporaryPath, let target):
      if close(fd) != 0 {
        let code = errno
        unlink(temporaryPath)
        TemporaryFiles.untrack()
        throw TraceWriteError(path: path, errno: code, doing: "close", folder: nil)
      }
      defer { TemporaryFiles.untrack() }
      if rename(temporaryPath, target) != 0 {
        let code = errno
        unlink(temporaryPath)
        throw TraceWriteError(
          path: path, errno: code, doing: "rename", folder: TraceFileOutput.folder(of: target))
      }
    }
  }

  /// Closes (and removes a temporary file) after a failure.
  mutating func abandon() {
    switch sink {
    case .closed: break
    case .direct(let fd): close(fd)
    case .temporary(let fd, let temporaryPath, _):
      close(fd)
      unlink(temporaryPath)
      TemporaryFiles.untrack()
    }
    sink = .closed
  }
}

extension TraceFileOutput {
  /// Bytes buffered before a flush to the file.
  static let chunkSize = 1 << 20

  /// What an encoder calls between lines: writes the buffer out once it is full.
  typealias Flush = (inout JSONBytes) throws(TraceWriteError) -> Void

  /// Writes the document `encode` appends to one buffer, which its `flush`
  /// (called between lines) writes out whenever it holds `chunkSize` bytes,
  /// so memory stays flat whatever the size. Commits at the end; on any
  /// failure abandons, leaving the target as it was. Inlined so that each
  /// writer's encoder is specialized with the flush it calls per event.
  @inline(__always)
  static func write(
    to path: String,
    _ encode: (inout JSONBytes, _ flush: Flush) throws(TraceWriteError) -> Void
  ) throws(TraceWriteError) {
    var file = try TraceFileOutput(path: path)
    var out = JSONBytes(capacity: chunkSize + 64 * 1024)
    do {
      try encode(&out) { (buffer: inout JSONBytes) throws(TraceWriteError) in
        if buffer.count >= chunkSize {
          try file.write(buffer.bytes)
          buffer.removeAll()
        }
      }
      try file.write(out.bytes)
      try file.commit()
    } catch {
      file.abandon()
      throw error
    }
  }
}

/// write(2), named apart from `TraceFileOutput.write` which hides it inside the type.
private func systemWrite(_ fd: Int32, _ p: UnsafePointer<UInt8>, _ n: Int) -> Int { write(fd, p, n) }
