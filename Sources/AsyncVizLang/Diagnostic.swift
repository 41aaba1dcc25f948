import AsyncVizTrace
import AsyncVizTraceState

/// A problem found in a program before it runs, reported like a compiler:
///
///     demo.av:7:22: error: unknown name `rowz`; did you mean `rows`?
///         let reply = await svc.call(rowz)
///                                    ^
///
/// Errors stop compilation; warnings (a future that is never awaited) do not.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// How serious the problem is.
  public enum Severity: String, Sendable {
    /// The program is rejected; nothing runs.
    case error
    /// The program runs, but probably not as its author meant.
    case warning
  }

  /// The file name as given to `SourceFile`.
  public let file: String
  /// 1-based line of the problem.
  public let line: Int
  /// 1-based column of the problem, in Unicode scalars (a tab counts one).
  public let column: Int
  /// What is wrong, in one sentence, without the position.
  public let message: String
  /// The offending line's text, without its line terminator.
  public let sourceLine: String
  /// Error or warning.
  public let severity: Severity

  /// A diagnostic at `location` in `source`.
  public init(
    _ source: SourceFile, at location: SourceLocation, _ message: String, severity: Severity = .error
  ) {
    self.file = source.name
    self.line = location.line
    self.column = location.column
    self.message = message
    self.sourceLine = source.lineText(location.line)
    self.severity = severity
  }

  /// The position as `SourceLocation`.
  public var location: SourceLocation { SourceLocation(line: line, column: column) }

  /// The whitespace before the caret: tabs where the source line has tabs,
  /// so the caret lines up whatever the terminal's tab width.
  public var caretLine: String {
    var prefix = ""
    for (i, scalar) in sourceLine.unicodeScalars.enumerated() where i < column - 1 {
      if scalar == "\t" {
        prefix.append("\t")
      } else if TerminalText.needsEscape(scalar) {
        prefix += String(repeating: " ", count: TerminalText.escape(scalar).utf8.count)
      } else {
        prefix.append(" ")
      }
    }
    let missing = column - 1 - sourceLine.unicodeScalars.count
    if missing > 0 { prefix += String(repeating: " ", count: missing) }
    return prefix + "^"
  }

  /// `FILE:LINE:COL: error: MESSAGE`, the source line and a caret under the column.
  /// The file name, the message and the source line have their control and
  /// bidirectional characters escaped (tabs kept), as the transcript does: a
  /// hostile file cannot drive the terminal; the caret still lines up.
  public var rendered: String {
    let (shown, caret) = window
    let head = TerminalText.visible("\(file):\(line):\(column): \(severity.rawValue): \(message)")
    return "\(head)\n\(TerminalText.visibleLines(shown))\n\(caret)"
  }

  /// The longest source line shown whole; a longer one (a minified or hostile
  /// file) is cut to a window around the column, marked with "...".
  static let longLine = 240

  /// The source line and caret line as printed.
  private var window: (String, String) {
    let scalars = Array(sourceLine.unicodeScalars)
    guard scalars.count > Diagnostic.longLine else { return (sourceLine, caretLine) }
    let start = max(0, min(column - 1 - 80, scalars.count - 160))
    let end = min(scalars.count, start + 160)
    var shown = String(String.UnicodeScalarView(scalars[start..<end]))
    var caretColumn = column - start
    if start > 0 {
      shown = "..." + shown
      caretColumn += 3
    }
    if end < scalars.count { shown += "..." }
    let cut = Diagnostic(
      file: file, line: line, column: caretColumn, message: message, sourceLine: shown, severity: severity)
    return (shown, cut.caretLine)
  }

  /// The same error at the same place, said in other words.
  func reworded(_ message: String) -> Diagnostic {
    Diagnostic(
      file: file, line: line, column: column, message: message, sourceLine: sourceLine, severity: severity)
  }

  private init(
    file: String, line: Int, column: Int, message: String, sourceLine: String, severity: Severity
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
    self.sourceLine = sourceLine
    self.severity = severity
  }

  public var description: String { rendered }
}
