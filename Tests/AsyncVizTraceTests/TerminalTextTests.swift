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
  #expect(!text.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" })
  #expect(text.contains(#">>> #2 hand\u{1B}]0;title\u{07}ler prints: \u{1B}[2Jcleared\nsecond line\u{9B}"#))
  // Every line is still one line: the escaped newline did not split the output.
  #expect(text.split(separator: "\n").contains { $0.hasSuffix(#"cleared\nsecond line\u{9B}"#) })
}
