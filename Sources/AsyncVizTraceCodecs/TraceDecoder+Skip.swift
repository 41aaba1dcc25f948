import AsyncVizTrace
import AsyncVizTraceState

/// Skipping a value the decoder does not use: an unknown top-level key's
/// value is passed over so that a Chrome trace is recognized whichever of
/// its keys comes first (its error still names the unknown key).
extension TraceDecoder {
  /// Deepest nesting skipped; a hostile file cannot exhaust the stack.
  static let maxSkipDepth = 64

  /// Consumes one JSON value of any kind.
  mutating func skipValue(depth: Int = 0) throws(TraceReadError) {
    guard depth < TraceDecoder.maxSkipDepth else {
      throw fail("values nested more than \(TraceDecoder.maxSkipDepth) deep")
    }
    let b = try peek()
    switch b {
    case UInt8(ascii: "\""):
      _ = try stringBody()
    case UInt8(ascii: "{"):
      window.pos += 1
      var first = true
      while try nextKey(&first) != nil { try skipValue(depth: depth + 1) }
    case UInt8(ascii: "["):
      window.pos += 1
      var first = true
      while try nextElement(&first) { try skipValue(depth: depth + 1) }
    case UInt8(ascii: "t"): try literal("true")
    case UInt8(ascii: "f"): try literal("false")
    case UInt8(ascii: "n"): try literal("null")
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try skipNumber()
    default:
      throw fail("expected a value, found \(TraceDecoder.describe(byte: b))")
    }
  }

  /// Consumes the bytes a JSON number can hold (its exact form is not checked:
  /// the value is discarded).
  private mutating func skipNumber() throws(TraceReadError) {
    while true {
      if window.pos == window.end {
        guard try refill() else { return }
      }
      switch window.base[window.pos] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
        UInt8(ascii: "e"), UInt8(ascii: "E"):
        window.pos += 1
      default: return
      }
    }
  }
}
