import Foundation
import Testing

// Nothing a user or a file controls reaches the terminal raw: control and
// bidirectional characters in source lines, string literals, file names and
// command-line arguments are shown escaped in every message.

/// Characters that would drive or garble a terminal, with how they show.
private let hostile: [(raw: String, shown: String)] = [
  ("\u{1B}[2J", "\\u{1B}[2J"),  // ESC: clear the screen
  ("\u{1B}]0;pwned\u{07}", "\\u{1B}]0;pwned\\u{07}"),  // OSC: set the window title
  ("\u{9B}31m", "\\u{9B}31m"),  // C1 CSI
  ("\u{202E}cba", "\\u{202E}cba"),  // right-to-left override
  ("\u{2067}x\u{2069}", "\\u{2067}x\\u{2069}"),  // right-to-left isolate
  ("\u{0}", "\\u{00}"),  // NUL
]

/// Whether `text` holds a character that must never be printed raw.
private func hasRawControl(_ text: String) -> Bool {
  text.unicodeScalars.contains { s in
    let v = s.value
    return (v < 0x20 && s != "\n" && s != "\t") || (0x7F..<0xA0).contains(v) || (0x202A...0x202E).contains(v)
      || (0x2066...0x2069).contains(v)
  }
}

@Test(arguments: hostile.indices)
func aDiagnosticShowsTheSourceLineEscapedWithTheCaretInPlace(_ index: Int) throws {
  let (raw, shown) = hostile[index]
  // The unknown name comes after the hostile text, so the caret must move by the escape's width.
  let file = try CLIRunner.program("async fn main() {\n    print(\"\(raw)\") + rowz\n}\n", named: "bad.av")
    .file
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 2)
  #expect(!hasRawControl(r.stderr), "\(r.stderr.debugDescription)")
  let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let source = try #require(lines.first { $0.contains("print(") })
  #expect(source.contains(shown))
  if let caret = lines.first(where: { $0.hasSuffix("^") }),
    let at = source.range(of: "rowz")
      ?? source.range(of: "+")
  {
    // Same column as the token the diagnostic is about (or the first token after the string).
    #expect(caret.count - 1 <= source.distance(from: source.startIndex, to: at.lowerBound))
  }
}

@Test(arguments: hostile.indices.filter { hostile[$0].raw != "\u{0}" })
func aFileNameIsShownEscaped(_ index: Int) throws {
  let (raw, shown) = hostile[index]
  let (dir, file) = try CLIRunner.program("async fn main() {\n    print(rowz)\n}\n", named: "x\(raw).av")
  let bad = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(bad.code == 2)
  #expect(!hasRawControl(bad.stderr), "\(bad.stderr.debugDescription)")
  #expect(bad.stderr.contains("x\(shown).av:2:11: error: unknown name `rowz`"))
  let missing = try CLIRunner.run(["run", dir.appendingPathComponent("gone\(raw).av").path, "--plain"])
  #expect(missing.code == 2)
  #expect(!hasRawControl(missing.stderr), "\(missing.stderr.debugDescription)")
  #expect(missing.stderr.contains("gone\(shown).av"))
}

@Test(arguments: hostile.indices.filter { hostile[$0].raw != "\u{0}" })
func anArgumentEchoedInAUsageErrorIsShownEscaped(_ index: Int) throws {
  let (raw, shown) = hostile[index]
  for arguments in [
    ["list", "--\(raw)"], ["--max\(raw)"], ["demo", "nope\(raw)"], ["run", "x.av", "--max-steps", raw],
  ] {
    let r = try CLIRunner.run(arguments)
    #expect(r.code == 2, "\(arguments)")
    #expect(!hasRawControl(r.stderr), "\(arguments): \(r.stderr.debugDescription)")
    #expect(r.stderr.contains(shown), "\(arguments): \(r.stderr)")
  }
}

@Test(arguments: hostile.indices)
func printedTextIsShownEscapedInTheTranscript(_ index: Int) throws {
  let (raw, shown) = hostile[index]
  let file = try CLIRunner.program("async fn main() {\n    print(\"a\(raw)b\")\n}\n").file
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  if r.code == 0 {
    #expect(!hasRawControl(r.stdout))
    #expect(r.stdout.contains("a\(shown)b"))
  } else {
    // A raw control character in a string literal is refused by the lexer: escaped in the message too.
    #expect(r.code == 2)
    #expect(!hasRawControl(r.stderr), "\(r.stderr.debugDescription)")
  }
}
