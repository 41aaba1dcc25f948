import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs
@testable import AsyncVizTraceState

@Test func controlCharactersAreShownAsEscapes() {
  #expect(TerminalText.visible("plain text, café") == "plain text, café")
  #expect(TerminalText.visible("\u{1B}[2J\u{7}") == "\\u{1B}[2J\\u{07}")
  #expect(TerminalText.visible("a\nb\tc\r") == "a\\nb\\tc\\r")
  // C1 controls (two UTF-8 bytes) and DEL; other two-byte characters stay.
  #expect(TerminalText.visible("\u{9B}2J\u{7F}©") == "\\u{9B}2J\\u{7F}©")
  #expect(TerminalText.visibleLines("line 1\nline\u{1B} 2\n") == "line 1\nline\\u{1B} 2\n")
}

@Test func theTranscriptCannotDriveTheTerminal() throws {
  let good = String(decoding: TraceJSONWriter.encode(Workloads.trace("db-then-service")), as: UTF8.self)
  let hostile =
    good
    .replacingOccurrences(of: #""text":"handled 1""#, with: #""text":"\u001b[2Jcleared\nsecond line\u009b""#)
    .replacingOccurrences(of: #""name":"handler""#, with: #""name":"hand\u001b]0;title\u0007ler""#)
  let trace = try TraceJSONReader.decode(Array(hostile.utf8), name: "t.json")
  let text = Transcript.render(trace)
  #expect(!text.unicodeScalars.contains { TerminalText.needsEscape($0) && $0 != "\n" })
  #expect(text.contains(#">>> #2 hand\u{1B}]0;title\u{07}ler prints: \u{1B}[2Jcleared\nsecond line\u{9B}"#))
  // Every line is still one line: the escaped newline did not split the output.
  #expect(text.split(separator: "\n").contains { $0.hasSuffix(#"cleared\nsecond line\u{9B}"#) })
}

/// Every bidirectional formatting character is shown escaped, wherever it is.
@Test(arguments: [
  0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
])
func bidirectionalControlsAreShownAsEscapes(_ value: UInt32) throws {
  let scalar = try #require(Unicode.Scalar(value))
  let hex = String(value, radix: 16, uppercase: true)
  let text = "abc\(Character(scalar))def"
  #expect(TerminalText.visible(text) == "abc\\u{\(hex)}def")
  #expect(TerminalText.visibleLines(text + "\n") == "abc\\u{\(hex)}def\n")
  // Characters next to them in UTF-8 stay: ’ (U+2019), ‰ (U+2030), Arabic letters.
  #expect(TerminalText.visible("’‰بت") == "’‰بت")
}

/// Escaping is one pass: a megabyte of characters to escape, of each kind,
/// is escaped whole (this took minutes when each append copied the string).
@Test(arguments: ["\u{1B}", "\u{9B}", "\u{202E}", "\n", "a\u{7}", "é\u{0}"])
func escapingALargeTextIsLinear(_ unit: String) {
  let count = (1 << 20) / unit.utf8.count
  let text = String(repeating: unit, count: count)
  let escaped = TerminalText.visible(text)
  let one = TerminalText.visible(unit)
  #expect(escaped.utf8.count == one.utf8.count * count)
  #expect(escaped.hasPrefix(one + one))
}
