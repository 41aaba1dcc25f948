import AsyncVizTrace
import AsyncVizTraceState

/// A growable byte buffer with the JSON primitives the trace writers need.
///
/// A plain struct over memory it allocates itself, not `[UInt8]`: appends are
/// the writer's whole cost, and an array checks uniqueness and capacity on
/// every byte. It is `~Copyable`: two copies would free the same memory, so
/// the compiler refuses to make one, and `deinit` frees the storage. Its name
/// is package wide because `TraceDocumentFormat` names it; of its members,
/// only the `NoteSink` ones are.
package struct JSONBytes: ~Copyable {
  /// Start of the storage; `capacity` bytes, the first `count` written.
  private(set) var base: UnsafeMutablePointer<UInt8>
  /// Bytes written and not yet taken by `removeAll`.
  private(set) var count = 0
  /// Size of the storage; only grows.
  private(set) var capacity: Int

  /// An empty buffer with room for `capacity` bytes.
  init(capacity: Int) {
    self.capacity = max(capacity, 64)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// What `fill` appends to a new buffer of `capacity` bytes, as an array
  /// (a whole document in memory); the buffer is freed.
  static func collect(capacity: Int, _ fill: (inout JSONBytes) -> Void) -> [UInt8] {
    var out = JSONBytes(capacity: capacity)
    fill(&out)
    return Array(out.bytes)
  }

  /// The written bytes, valid until the next append.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// Forgets the written bytes, keeping the storage.
  mutating func removeAll() { count = 0 }

  /// Makes room for `n` more bytes.
  @inline(__always)
  mutating func reserve(_ n: Int) {
    if count + n > capacity { grow(to: count + n) }
  }

  private mutating func grow(to needed: Int) {
    var size = capacity * 2
    while size < needed { size *= 2 }
    let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
    bigger.update(from: base, count: count)
    base.deallocate()
    base = bigger
    capacity = size
  }

  /// `n` bytes from `p`, as they are.
  mutating func append(_ p: UnsafePointer<UInt8>, count n: Int) {
    reserve(n)
    (base + count).update(from: p, count: n)
    count += n
  }

  /// One byte.
  @inline(__always)
  mutating func byte(_ b: UInt8) {
    reserve(1)
    base[count] = b
    count += 1
  }

  /// Fixed text (keys, punctuation, narration wording): copied as is, so it
  /// must contain no `"`, `\` or control characters.
  @inline(__always)
  mutating func raw(_ s: StaticString) {
    let n = s.utf8CodeUnitCount
    assert(
      UnsafeBufferPointer(start: s.utf8Start, count: n).allSatisfy { $0 >= 0x20 || $0 == 0x0A },
      "fixed text must not contain control characters")
    reserve(n)
    (base + count).update(from: s.utf8Start, count: n)
    count += n
  }

  /// A decimal integer.
  @inline(__always)
  mutating func int(_ value: Int64) {
    reserve(20)
    var v = value.magnitude
    if value < 0 {
      base[count] = UInt8(ascii: "-")
      count += 1
    }
    var digits = 1
    var probe = v
    while probe >= 10 {
      probe /= 10
      digits += 1
    }
    var i = count + digits - 1
    repeat {
      base[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
      v /= 10
      i -= 1
    } while v != 0
    count += digits
  }

  /// An integer, or `null`.
  mutating func int(_ value: Int64?) {
    if let value { int(value) } else { raw("null") }
  }

  /// A string value with its quotes.
  mutating func quoted(_ s: String) {
    byte(UInt8(ascii: "\""))
    escaped(s)
    byte(UInt8(ascii: "\""))
  }

  /// A string value, or `null` when empty.
  mutating func quotedOrNull(_ s: String) {
    if s.isEmpty { raw("null") } else { quoted(s) }
  }

  /// The body of a JSON string: `"` `\` and control characters escaped,
  /// everything else (including non-ASCII UTF-8) copied as is.
  mutating func escaped(_ s: String) {
    var s = s
    s.withUTF8 { escaped($0) }
  }

  /// Escapes raw UTF-8 bytes (see `escaped(_: String)`).
  mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
    guard let src = utf8.baseAddress else { return }
    reserve(utf8.count * 6)
    var out = base + count
    for i in 0..<utf8.count {
      let b = src[i]
      if b >= 0x20 && b != 0x22 && b != 0x5C {
        out.pointee = b
        out += 1
        continue
      }
      out.pointee = UInt8(ascii: "\\")
      switch b {
      case 0x22: out[1] = 0x22
      case 0x5C: out[1] = 0x5C
      case 0x0A: out[1] = UInt8(ascii: "n")
      case 0x0D: out[1] = UInt8(ascii: "r")
      case 0x09: out[1] = UInt8(ascii: "t")
      case 0x08: out[1] = UInt8(ascii: "b")
      case 0x0C: out[1] = UInt8(ascii: "f")
      default:
        out[1] = UInt8(ascii: "u")
        out[2] = UInt8(ascii: "0")
        out[3] = UInt8(ascii: "0")
        out[4] = b < 0x10 ? UInt8(ascii: "0") : UInt8(ascii: "1")
        out[5] = JSONBytes.hexDigit(b & 0xF)
        out += 6
        continue
      }
      out += 2
    }
    count = out - base
  }

  /// "0"..."9", "a"..."f".
  @inline(__always)
  static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? nibble + 48 : nibble + 87 }
}

/// Narration goes straight into the JSON string being written.
extension JSONBytes: NoteSink {
  package mutating func text(_ s: StaticString) {
    assert(
      UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount).allSatisfy {
        $0 != 0x22 && $0 != 0x5C
      },
      "narration wording is written unescaped: no quotes or backslashes")
    raw(s)
  }
  package mutating func string(_ s: String) { escaped(s) }
  package mutating func number(_ n: Int64) { int(n) }
}
