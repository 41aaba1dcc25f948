/// A program's text and the name diagnostics show for it.
///
/// Holds the text split into lines (without their terminators) so that a
/// diagnostic can print the offending line.
public struct SourceFile: Sendable {
  /// The name shown in diagnostics, e.g. "examples/db.av".
  public let name: String
  /// The whole program text (a leading byte order mark removed).
  public let text: String
  /// The lines of `text` without "\n", "\r\n" or "\r"; never empty.
  let lines: [String]

  /// A source from text already known to be valid Unicode.
  public init(name: String, text: String) {
    self.name = name
    var body = text
    if body.unicodeScalars.first == "\u{FEFF}" { body.unicodeScalars.removeFirst() }
    self.text = body
    self.lines = SourceFile.splitLines(body)
  }

  /// A source from raw bytes, which must be UTF-8; the error points at the
  /// first byte that is not.
  public init(name: String, bytes: [UInt8]) throws(Diagnostic) {
    if let bad = SourceFile.firstInvalidUTF8(bytes) {
      let shown = SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
      let hex = String(bad.byte, radix: 16, uppercase: true)
      throw Diagnostic(
        shown, at: bad.location,
        "invalid UTF-8 (byte 0x\(hex.count == 1 ? "0" : "")\(hex)): a program must be UTF-8 text")
    }
    self.init(name: name, text: String(decoding: bytes, as: UTF8.self))
  }

  /// The number of lines as the diagnostics count them (ended by LF, CRLF or CR).
  public var lineCount: Int { lines.count }

  /// The program's name in traces: the file name without folders and ".av".
  public var programName: String {
    let last = name.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? name
    return last.hasSuffix(".av") ? String(last.dropLast(3)) : last
  }

  /// The text of 1-based line `line` ("" past the end).
  func lineText(_ line: Int) -> String {
    line >= 1 && line <= lines.count ? lines[line - 1] : ""
  }

  /// An error at the line where the file passes `Limits.maxSourceBytes`, if it does.
  func sizeDiagnostic() -> Diagnostic? {
    let total = text.utf8.count
    guard total > Limits.maxSourceBytes else { return nil }
    var bytes = 0
    var line = lines.count
    for (i, l) in lines.enumerated() {
      bytes += l.utf8.count + 1
      if bytes > Limits.maxSourceBytes {
        line = i + 1
        break
      }
    }
    return Diagnostic(self, at: SourceLocation(line: line, column: 1), SourceFile.tooLong(bytes: total))
  }

  /// The message for a program past `Limits.maxSourceBytes`, at the line
  /// where it goes past: with its size in bytes if known (a FIFO's is not).
  public static func tooLong(bytes: Int?) -> String {
    let size =
      bytes.map { "\($0) bytes long, more than the \(Limits.maxSourceBytes) a program may have" }
      ?? "more than \(Limits.maxSourceBytes) bytes long"
    return "the program is \(size); it goes past that on this line"
  }

  /// The location just after the last character of the file.
  var endLocation: SourceLocation {
    let last = lines.count
    return SourceLocation(line: last, column: lineText(last).unicodeScalars.count + 1)
  }

  static func splitLines(_ text: String) -> [String] {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" && previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = scalar == "\r"
      if scalar == "\n" || scalar == "\r" {
        lines.append(String(current))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    lines.append(String(current))
    return lines
  }

  /// The first byte that is not valid UTF-8, with its line and column.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (byte: UInt8, location: SourceLocation)? {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    var line = 1
    var column = 1
    var previousWasCR = false
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" && previousWasCR {
          previousWasCR = false
          continue
        }
        previousWasCR = scalar == "\r"
        if scalar == "\n" || scalar == "\r" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput:
        return nil
      case .error:
        let byte = offset < bytes.count ? bytes[offset] : 0
        return (byte, SourceLocation(line: line, column: column))
      }
    }
  }
}
