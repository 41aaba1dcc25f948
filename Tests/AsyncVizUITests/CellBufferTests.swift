import AsyncVizUI
import Testing

@Test func writesAreClippedToTheBufferAndTheLimit() {
  var b = CellBuffer(width: 10, height: 2)
  let end = b.write("hello world", x: 3, y: 0)
  #expect(end == 10)
  #expect(b.rowText(0) == "   hello w")
  b.write("abcdef", x: -2, y: 1, limit: 3)
  #expect(b.rowText(1) == "cde       ")
  b.write("zzz", x: 0, y: 5)  // outside: ignored
  #expect(b.text == "   hello w\ncde")
}

@Test func wideCharactersTakeTwoCellsAndAreRepairedWhenCut() {
  var b = CellBuffer(width: 6, height: 1)
  let end = b.write("a漢b", x: 0, y: 0)
  #expect(end == 4)
  #expect(b[1, 0].character == "漢" && b[2, 0].isContinuation)
  #expect(b.rowText(0) == "a漢b  ")
  // Overwriting the right half blanks the left half.
  b.write("x", x: 2, y: 0)
  #expect(b.rowText(0) == "a xb  ")
  // A wide character that would cross the limit is not drawn.
  var c = CellBuffer(width: 3, height: 1)
  #expect(c.write("ab漢", x: 0, y: 0) == 2)
  #expect(c.rowText(0) == "ab ")
}

@Test func boxDrawingAndArrowsAreOneColumnWide() {
  for s in ["─", "│", "┌", "┐", "└", "┘", "→", "▸", "◂", "…", "∞"] {
    #expect(CharWidth.of(s) == 1, "\(s)")
  }
  #expect(CharWidth.of("漢字") == 4)
  #expect(CharWidth.of("e\u{301}") == 1)  // a combining accent takes no column
}

@Test func controlCharactersAreShownEscaped() {
  var b = CellBuffer(width: 12, height: 1)
  b.write("a\u{1B}[b", x: 0, y: 0)
  #expect(b.rowText(0) == "a\\u{1B}[b   ")
}

@Test func boxesHaveTitlesInTheTopEdge() {
  var b = CellBuffer(width: 12, height: 3)
  b.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Tasks", glyphs: .unicode)
  #expect(b.text == "┌ Tasks ───┐\n│          │\n└──────────┘")
  var a = CellBuffer(width: 12, height: 3)
  a.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Tasks", glyphs: .ascii)
  #expect(a.text == "+ Tasks ---+\n|          |\n+----------+")
}

/// Control and bidirectional characters are drawn as the transcript prints
/// them, escaped, and take their escape's columns in width computations.
@Test(arguments: [
  ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"), ("\u{202E}olleh", "\\u{202E}olleh"),
  ("x\u{2066}y\u{2069}", "x\\u{2066}y\\u{2069}"),
  ("\u{9B}1m", "\\u{9B}1m"), ("tab\there", "tab\\there"),
])
func controlAndBidiCharactersAreDrawnEscaped(_ raw: String, _ shown: String) {
  var b = CellBuffer(width: 40, height: 1)
  let end = b.write(raw, x: 0, y: 0)
  #expect(b.rowText(0).hasPrefix(shown))
  #expect(end == shown.count)
  #expect(CharWidth.of(raw) == shown.count)
  // Cut at the limit in the middle of an escape: nothing past the limit.
  var c = CellBuffer(width: 40, height: 1)
  #expect(c.write(raw, x: 0, y: 0, limit: 3) <= 3)
}
