import AsyncVizTrace

/// Text from a program or a file made safe to print on a terminal: C0 and C1
/// control characters (and DEL) are shown as visible Swift-style escapes
/// (`\u{1B}`, `\n`, `\t`, `\r`...) instead of being sent raw, so an output line
/// containing ESC [2J cannot clear the screen. docs/trace-format.md documents it.
public enum TerminalText {
  /// `text` with every control character escaped, newlines included (one
  /// output text is one line of the transcript).
  public static func visible(_ text: String) -> String {
    escape(text, keepingNewlines: false)
  }

  /// `text` with every control character but "\n" escaped (for whole lines).
  public static func visibleLines(_ text: String) -> String {
    escape(text, keepingNewlines: true)
  }

  /// Whether `scalar` is a C0 or C1 control character or DEL.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
  }

  /// `\n`, `\t`, `\r`, or `\u{XX}` (two uppercase hex digits: every control is below 0xA0).
  static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\t": return "\\t"
    case "\r": return "\\r"
    default:
      let hex = String(scalar.value, radix: 16, uppercase: true)
      return "\\u{" + (hex.count < 2 ? "0" + hex : hex) + "}"
    }
  }

  private static func escape(_ text: String, keepingNewlines: Bool) -> String {
    // Fast path: most text has nothing to escape (C1 characters are two UTF-8 bytes starting 0xC2).
    let clean = text.utf8.allSatisfy { byte in
      (byte >= 0x20 && byte != 0x7F && byte != 0xC2) || (keepingNewlines && byte == 0x0A)
    }
    if clean { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if isControl(scalar) && !(keepingNewlines && scalar == "\n") {
        out.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
