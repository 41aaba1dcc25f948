import AsyncVizTrace

/// Text from a program or a file made safe to print on a terminal: C0 and C1
/// control characters, DEL, and the bidirectional formatting characters
/// (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) are shown as
/// visible Swift-style escapes (`\u{1B}`, `\n`, `\t`, `\r`, `\u{202E}`...)
/// instead of being sent raw, so an output line containing ESC [2J cannot
/// clear the screen and a right-to-left override cannot reorder what follows
/// it. Every path to the terminal (the transcript, the full-screen view,
/// diagnostics, messages on stderr) escapes with this one rule;
/// docs/trace-format.md documents it.
public enum TerminalText {
  /// `text` with every control character escaped, newlines included (one
  /// output text is one line of the transcript).
  public static func visible(_ text: String) -> String {
    escape(text, keepingNewlines: false)
  }

  /// `text` with every control character but "\n" and "\t" escaped (for
  /// whole lines, such as a diagnostic whose caret line lines up by tabs).
  public static func visibleLines(_ text: String) -> String {
    escape(text, keepingNewlines: true)
  }

  /// Whether `scalar` must be shown escaped: a C0 or C1 control character,
  /// DEL, or a bidirectional formatting character.
  public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
    return isBidiControl(v)
  }

  /// The bidirectional embeddings, overrides, isolates and marks: invisible
  /// characters that change the order in which a terminal shows the text.
  static func isBidiControl(_ v: UInt32) -> Bool {
    (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
      || v == 0x061C
  }

  /// `\n`, `\t`, `\r`, or `\u{XX}` (uppercase hex, at least two digits).
  public static func escape(_ scalar: Unicode.Scalar) -> String {
    var out: [UInt8] = []
    appendEscape(scalar, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  private static func appendEscape(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    switch scalar {
    case "\n": out += [0x5C, 0x6E]
    case "\t": out += [0x5C, 0x74]
    case "\r": out += [0x5C, 0x72]
    default:
      out += Array("\\u{".utf8)
      let hex = Array(String(scalar.value, radix: 16, uppercase: true).utf8)
      if hex.count < 2 { out.append(0x30) }
      out += hex
      out.append(0x7D)
    }
  }

  /// One pass over the bytes, into a byte buffer: linear in the text's
  /// length however many characters are escaped.
  private static func escape(_ text: String, keepingNewlines: Bool) -> String {
    // Fast path: most text has nothing to escape. C1 characters are two
    // UTF-8 bytes starting 0xC2; U+061C starts 0xD8; the other bidi
    // characters are three bytes starting 0xE2. Those lead bytes take the
    // careful path, which escapes by scalar.
    let clean = text.utf8.allSatisfy { byte in
      (byte >= 0x20 && byte != 0x7F && byte != 0xC2 && byte != 0xD8 && byte != 0xE2)
        || (keepingNewlines && (byte == 0x0A || byte == 0x09))
    }
    if clean { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if needsEscape(scalar) && !(keepingNewlines && (scalar == "\n" || scalar == "\t")) {
        appendEscape(scalar, to: &out)
      } else {
        UTF8.encode(scalar) { out.append($0) }
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
