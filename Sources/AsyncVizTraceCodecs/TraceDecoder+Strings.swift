import AsyncVizTrace
import AsyncVizTraceState

/// Strings with escapes or non-ASCII text: unescaped into `scratch`, with
/// the UTF-8 checked byte by byte.
extension TraceDecoder {
  /// Continues a string from `i` (the first byte that is not plain ASCII),
  /// the opening quote being at `window.mark`.
  mutating func slowString(from start: Int) throws(TraceReadError) -> UnsafeBufferPointer<UInt8> {
    scratch.removeAll()
    let quote = window.mark
    scratch.append(window.base + quote + 1, count: start - quote - 1)
    var i = start
    while true {
      try need(1, at: &i)
      let b = window.base[i]
      switch b {
      case UInt8(ascii: "\""):
        window.pos = i + 1
        return scratch.bytes
      case UInt8(ascii: "\\"):
        try escape(at: &i)
      case 0..<0x20:
        window.pos = i
        throw fail("a control character (\(String(format16: b))) inside a string must be escaped")
      case 0x20..<0x80:
        scratch.byte(b)
        i += 1
      default:
        try multibyte(at: &i)
      }
    }
  }

  /// Makes sure `n` bytes from `i` are in the window (refilling and
  /// adjusting `i`), or fails as truncated.
  @inline(__always)
  mutating func need(_ n: Int, at i: inout Int) throws(TraceReadError) {
    while window.end - i < n {
      let before = window.mark
      guard try refill() else {
        window.pos = i
        throw truncated()
      }
      i -= before - window.mark
    }
  }

  /// One `\x` or `\uXXXX` (with a surrogate pair) escape.
  private mutating func escape(at i: inout Int) throws(TraceReadError) {
    try need(2, at: &i)
    let e = window.base[i + 1]
    let simple: UInt8? =
      switch e {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): e
      case UInt8(ascii: "b"): 0x08
      case UInt8(ascii: "f"): 0x0C
      case UInt8(ascii: "n"): 0x0A
      case UInt8(ascii: "r"): 0x0D
      case UInt8(ascii: "t"): 0x09
      default: nil
      }
    if let simple {
      scratch.byte(simple)
      i += 2
      return
    }
    guard e == UInt8(ascii: "u") else {
      window.pos = i
      throw fail("invalid escape: a backslash followed by \(TraceDecoder.describe(byte: e))")
    }
    var scalar = try hex4(at: i + 2, &i)
    i += 6
    if scalar >= 0xD800 && scalar < 0xDC00 {
      try need(6, at: &i)
      guard window.base[i] == UInt8(ascii: "\\") && window.base[i + 1] == UInt8(ascii: "u") else {
        window.pos = i
        throw fail("invalid \\u escape: a high surrogate without its low half")
      }
      let low = try hex4(at: i + 2, &i)
      guard low >= 0xDC00 && low < 0xE000 else {
        window.pos = i
        throw fail("invalid \\u escape: a high surrogate without its low half")
      }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      i += 6
    } else if scalar >= 0xDC00 && scalar < 0xE000 {
      window.pos = i
      throw fail("invalid \\u escape: a lone low surrogate")
    }
    guard let u = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
    for unit in UTF8.encode(u).map({ Array($0) }) ?? [] { scratch.byte(unit) }
  }

  /// Four hex digits at `at` (made available first; `i` is adjusted by refills).
  private mutating func hex4(at position: Int, _ i: inout Int) throws(TraceReadError) -> UInt32 {
    let offset = position - i
    try need(offset + 4, at: &i)
    let at = i + offset
    var value: UInt32 = 0
    for k in 0..<4 {
      let h = window.base[at + k]
      let digit: UInt8
      switch h {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = h - 48
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = h - 87
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = h - 55
      default:
        window.pos = at + k
        throw fail("invalid \\u escape: \(TraceDecoder.describe(byte: h)) is not a hex digit")
      }
      value = value << 4 | UInt32(digit)
    }
    return value
  }

  /// One multi-byte UTF-8 sequence, checked (no overlong forms, surrogates
  /// or values past U+10FFFF) and copied.
  private mutating func multibyte(at i: inout Int) throws(TraceReadError) {
    let lead = window.base[i]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default:
      window.pos = i
      throw fail("invalid UTF-8 (\(String(format16: lead)) cannot start a character)")
    }
    try need(length, at: &i)
    for k in 1..<length {
      let c = window.base[i + k]
      let ok = k == 1 ? (c >= low && c <= high) : (c >= 0x80 && c <= 0xBF)
      if !ok {
        window.pos = i
        throw fail("invalid UTF-8 (\(String(format16: lead)) followed by \(String(format16: c)))")
      }
    }
    for k in 0..<length { scratch.byte(window.base[i + k]) }
    i += length
  }
}
