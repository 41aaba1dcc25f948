import AsyncVizTrace
import AsyncVizTraceState

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A sliding window over a file's bytes: the reader scans `base[pos..<end]`
/// and asks for more with `refill`, which reads the next chunk. Memory stays
/// at one chunk (or the longest single token, if longer) whatever the file's
/// size, so a reader's memory is that of the decoded events.
///
/// Like `JSONBytes`, a `~Copyable` struct owning memory its `deinit` frees.
struct JSONReadWindow: ~Copyable {
  /// The bytes in memory; `capacity` allocated.
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// Allocated size; grows only for a token longer than the window.
  private(set) var capacity: Int
  /// Next byte to scan.
  var pos = 0
  /// End of the valid bytes.
  private(set) var end = 0
  /// File offset of `base[0]`.
  private(set) var origin: Int64 = 0
  /// The descriptor read from; -1 for a window over bytes given up front.
  private let fd: Int32
  /// Set once a read returned 0 (or for bytes given up front).
  private(set) var atEOF: Bool
  /// Bytes from here on are kept by `refill` (the start of the token being scanned).
  var mark = 0
  /// The most bytes the file may have.
  let limit: Int64
  /// The file's size when known up front (a regular file), for estimates.
  var fileSize: Int64?

  /// A window that reads `fd` in chunks of `chunk` bytes.
  init(fd: Int32, chunk: Int, limit: Int64) {
    self.fd = fd
    capacity = chunk
    base = .allocate(capacity: chunk)
    atEOF = false
    self.limit = limit
  }

  /// A window over `bytes` (copied), complete from the start.
  init(bytes: [UInt8]) {
    fd = -1
    capacity = max(bytes.count, 1)
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    bytes.withUnsafeBufferPointer {
      if let src = $0.baseAddress { storage.update(from: src, count: $0.count) }
    }
    base = storage
    end = bytes.count
    atEOF = true
    limit = Int64(bytes.count)
    fileSize = Int64(bytes.count)
  }

  deinit { base.deallocate() }

  /// The file offset of `pos`.
  var offset: Int64 { origin + Int64(pos) }

  /// Reads more bytes, keeping those from `min(mark, pos)` on. Returns false
  /// at end of file; throws the errno of a failed read, or `nil` errno when
  /// the file passes `limit`.
  mutating func refill() throws(ReadFailure) -> Bool {
    if atEOF { return false }
    let keep = min(mark, pos)
    if keep > 0 {
      memmove(base, base + keep, end - keep)
      origin += Int64(keep)
      pos -= keep
      mark -= keep
      end -= keep
    }
    if end == capacity { grow() }
    while true {
      let n = read(fd, base + end, capacity - end)
      if n > 0 {
        end += n
        if origin + Int64(end) > limit { throw ReadFailure(errno: nil) }
        return true
      }
      if n == 0 {
        atEOF = true
        return false
      }
      let code = errno
      if code != EINTR { throw ReadFailure(errno: code) }
    }
  }

  private mutating func grow() {
    let size = capacity * 2
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    bigger.update(from: base, count: end)
    base.deallocate()
    base = bigger
    capacity = size
  }

  /// A failed read(2): its errno, or nil when the size limit was passed.
  struct ReadFailure: Error {
    var errno: Int32?
  }
}
