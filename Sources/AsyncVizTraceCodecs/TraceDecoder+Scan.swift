import AsyncVizTrace
import AsyncVizTraceState

/// JSON tokens, scanned from the window with refills at chunk boundaries.
extension TraceDecoder {
  /// Reads more bytes; false at end of file.
  @inline(never)
  mutating func refill() throws(TraceReadError) -> Bool {
    do {
      return try window.refill()
    } catch {
      if let code = error.errno {
        throw fail("cannot read the file: \(TraceJSONReader.describe(errno: code))")
      }
      throw fail("the file is larger than the \(TraceJSONReader.sizeLimitText) limit")
    }
  }

  /// The error for a file that ends in the middle of the trace.
  func truncated() -> TraceReadError {
    fail("the file ends in the middle of the trace (is it truncated?)")
  }

  /// Skips whitespace and returns the next byte without consuming it; nil at end of file.
  @inline(__always)
  mutating func peekOrEnd() throws(TraceReadError) -> UInt8? {
    while true {
      if window.pos == window.end {
        window.mark = window.pos
        guard try refill() else { return nil }
      }
      let b = window.base[window.pos]
      if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 {
        window.pos += 1
        continue
      }
      return b
    }
  }

  /// Skips whitespace and returns the next byte without consuming it.
  @inline(__always)
  mutating func peek() throws(TraceReadError) -> UInt8 {
    guard let b = try peekOrEnd() else { throw truncated() }
    return b
  }

  /// Consumes `byte` (after whitespace) or fails saying what was expected.
  @inline(__always)
  mutating func expect(_ byte: UInt8, _ what: StaticString) throws(TraceReadError) {
    let b = try peek()
    guard b == byte else { throw fail("expected \(what), found \(TraceDecoder.describe(byte: b))") }
    window.pos += 1
  }

  /// Reads the `{` that opens an object (`what` names it in the error) and
  /// returns where the object starts, for the errors about it as a whole.
  @inline(__always)
  mutating func openObject(_ what: StaticString) throws(TraceReadError) -> Int64 {
    let start = window.offset
    try expect(UInt8(ascii: "{"), what)
    return start
  }

  /// Consumes `null` if it comes next.
  @inline(__always)
  mutating func null() throws(TraceReadError) -> Bool {
    guard try peek() == UInt8(ascii: "n") else { return false }
    try literal("null")
    return true
  }

  /// Consumes the exact bytes of `word`.
  mutating func literal(_ word: StaticString) throws(TraceReadError) {
    let start = window.offset
    window.mark = window.pos
    for i in 0..<word.utf8CodeUnitCount {
      if window.pos == window.end {
        guard try refill() else { throw truncated() }
      }
      guard window.base[window.pos] == word.utf8Start[i] else {
        throw fail("invalid literal (expected \(word))", at: start)
      }
      window.pos += 1
    }
  }

  /// An integer value of `field` (no fraction, no exponent, within Int64).
  mutating func integer(_ field: StaticString) throws(TraceReadError) -> Int64 {
    let first = try peek()
    let start = window.offset
    guard first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else {
      throw fail(
        "\"\(field)\" must be an integer, found \(TraceDecoder.describe(valueStart: first))", at: start)
    }
    window.mark = window.pos
    var negative = false
    if first == UInt8(ascii: "-") {
      negative = true
      window.pos += 1
    }
    var value: UInt64 = 0
    var digits = 0
    var leadingZero = false
    while true {
      if window.pos == window.end {
        guard try refill() else { break }
      }
      let b = window.base[window.pos]
      guard b >= 0x30 && b <= 0x39 else {
        if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
          throw fail("\"\(field)\" must be an integer, found a number with a fraction or exponent", at: start)
        }
        break
      }
      if digits == 1 && leadingZero { throw fail("invalid number (a leading zero)", at: start) }
      if digits == 0 && b == 0x30 { leadingZero = true }
      let (times, o1) = value.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(UInt64(b - 0x30))
      if o1 || o2 || sum > UInt64(Int64.max) + (negative ? 1 : 0) {
        throw fail("\"\(field)\" is out of range", at: start)
      }
      value = sum
      digits += 1
      window.pos += 1
    }
    if digits == 0 { throw fail("invalid number", at: start) }
    return negative ? Int64(truncatingIfNeeded: 0 &- value) : Int64(value)
  }

  /// An integer that must lie in `range`.
  mutating func integer(_ field: StaticString, in range: ClosedRange<Int64>) throws(TraceReadError) -> Int64 {
    let start = window.offset
    let value = try integer(field)
    guard range.contains(value) else {
      let bound =
        range.upperBound == Int64.max
        ? "\(range.lowerBound) or more" : "\(range.lowerBound) to \(range.upperBound)"
      throw fail("\"\(field)\" must be \(bound), found \(value)", at: start + 0)
    }
    return value
  }

  /// A string value of `field`: its unescaped UTF-8, valid until the next scan.
  @inline(__always)
  mutating func string(_ field: StaticString) throws(TraceReadError) -> UnsafeBufferPointer<UInt8> {
    let first = try peek()
    guard first == UInt8(ascii: "\"") else {
      throw fail("\"\(field)\" must be a string, found \(TraceDecoder.describe(valueStart: first))")
    }
    return try stringBody()
  }

  /// Scans a string whose opening quote is at `pos`. Plain ASCII without
  /// escapes is returned in place; anything else goes through `slowString`.
  @inline(__always)
  mutating func stringBody() throws(TraceReadError) -> UnsafeBufferPointer<UInt8> {
    window.mark = window.pos
    var i = window.pos + 1
    while true {
      // Eight bytes at a time while they hold nothing to look at.
      while window.end - i >= 8
        && !TraceDecoder.hasSpecialByte(UnsafeRawPointer(window.base + i).loadUnaligned(as: UInt64.self))
      {
        i += 8
      }
      if i == window.end {
        let before = window.mark
        guard try refill() else { throw truncated() }
        i -= before - window.mark
        continue
      }
      let b = window.base[i]
      if b == UInt8(ascii: "\"") {
        let start = window.mark + 1
        window.pos = i + 1
        return UnsafeBufferPointer(start: window.base + start, count: i - start)
      }
      if b < 0x20 || b >= 0x80 || b == UInt8(ascii: "\\") { return try slowString(from: i) }
      i += 1
    }
  }
}

extension TraceDecoder {
  /// Whether any of the 8 bytes of `word` is a quote, a backslash, a control
  /// character or not ASCII (the bytes a string scan must stop at). Bit
  /// tricks on the whole word: a byte equal to c is a zero byte of word ^ c..c,
  /// and (v - 0x01..01) & ~v & 0x80..80 is non-zero when v has a zero byte
  /// (likewise with 0x20..20 for a byte below 0x20, given no byte has its
  /// high bit set, which is tested on its own).
  @inline(__always)
  static func hasSpecialByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let zeroInQuote = (quote &- ones) & ~quote
    let zeroInBackslash = (backslash &- ones) & ~backslash
    let control = (word &- ones &* 0x20) & ~word
    return (zeroInQuote | zeroInBackslash | control | word) & highs != 0
  }
}

/// Objects and arrays: their members one by one, and an object's keys.
extension TraceDecoder {
  /// The next key of an object being read, or nil at its closing brace.
  @inline(__always)
  mutating func nextKey(_ first: inout Bool) throws(TraceReadError) -> UnsafeBufferPointer<UInt8>? {
    guard try nextMember(&first, closing: UInt8(ascii: "}")) else { return nil }
    let b = try peek()
    guard b == UInt8(ascii: "\"") else {
      throw fail("expected a key in quotes, found \(TraceDecoder.describe(byte: b))")
    }
    let key = try stringBody()
    if window.pos < window.end && window.base[window.pos] == UInt8(ascii: ":") {
      window.pos += 1
      return key
    }
    // Finding the colon may refill the window and move the key's bytes: keep a copy.
    keyScratch.removeAll()
    if let p = key.baseAddress { keyScratch.append(p, count: key.count) }
    let colon = try peek()
    guard colon == UInt8(ascii: ":") else {
      throw fail("expected ':' after a key, found \(TraceDecoder.describe(byte: colon))")
    }
    window.pos += 1
    return keyScratch.bytes
  }

  /// Whether another element of an array follows (consuming the comma), or
  /// false at its closing bracket.
  @inline(__always)
  mutating func nextElement(_ first: inout Bool) throws(TraceReadError) -> Bool {
    try nextMember(&first, closing: UInt8(ascii: "]"))
  }

  /// Whether another member of an object or array follows (consuming the
  /// comma before it), or false at `closing` (consumed).
  @inline(__always)
  private mutating func nextMember(_ first: inout Bool, closing: UInt8) throws(TraceReadError) -> Bool {
    let b = try peek()
    if b == closing {
      window.pos += 1
      return false
    }
    if !first {
      guard b == UInt8(ascii: ",") else {
        let expected = "',' or \(TraceDecoder.describe(byte: closing))"
        throw fail("expected \(expected), found \(TraceDecoder.describe(byte: b))")
      }
      window.pos += 1
    }
    first = false
    return true
  }
}
