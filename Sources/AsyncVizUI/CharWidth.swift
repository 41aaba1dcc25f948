import AsyncVizTrace
import AsyncVizTraceState

/// The number of terminal columns a character takes, like `wcwidth`, for the
/// ranges a program's source or output may contain.
///
/// Simplification: combining marks and zero-width characters are dropped
/// (width 0) rather than composed with the previous cell; the East Asian wide
/// ranges and the common emoji blocks take two columns; everything else
/// (including box drawing and arrows) takes one.
public enum CharWidth {
  /// Columns taken by `v` (0, 1 or 2).
  public static func of(_ v: UInt32) -> Int {
    if v < 0x300 { return 1 }
    if isZeroWidth(v) { return 0 }
    return isWide(v) ? 2 : 1
  }

  /// Columns taken by a whole string, as `CellBuffer.write` shows it (a
  /// control or bidirectional character takes its escape's columns).
  public static func of(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      width + (TerminalText.needsEscape(scalar) ? TerminalText.escape(scalar).utf8.count : of(scalar.value))
    }
  }

  private static func isZeroWidth(_ v: UInt32) -> Bool {
    (0x300...0x36F).contains(v) || (0x200B...0x200F).contains(v) || (0x20D0...0x20FF).contains(v)
      || (0xFE00...0xFE0F).contains(v) || (0xFE20...0xFE2F).contains(v)
  }

  private static func isWide(_ v: UInt32) -> Bool {
    switch v {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
