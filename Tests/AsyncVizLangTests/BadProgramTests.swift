import AsyncVizLang
import AsyncVizTestSupport
import Testing

/// The bad programs, a file each under BadPrograms/ with its expected error
/// in its first line: syntax/ (one per class of lexical and syntactic error
/// docs/language.md lists), semantic/ (names, arity, await and spawn
/// misuse, duplicates, types) and habits/ (a line a Rust, JS or Go
/// programmer writes out of habit, answered with the asyncviz spelling).
let badProgramFiles = BadProgramFile.all(in: "BadPrograms")

@Test(arguments: badProgramFiles)
func aBadProgramIsRejectedAtTheRightPlace(_ bad: BadProgramFile) throws {
  let expected = try #require(bad.expected, "the first line must be `# error LINE:COLUMN: MESSAGE`")
  let d = try #require(diagnostic(bad.text, name: bad.name), "\(bad.name) compiled")
  #expect(d.line == expected.line, "\(d.rendered)")
  #expect(d.column == expected.column, "\(d.rendered)")
  #expect(d.message.contains(expected.message), "\(d.rendered)")
  #expect(d.sourceLine == bad.sourceLine(expected.line))
  #expect(d.caretLine == String(repeating: " ", count: expected.column - 1) + "^")
  #expect(d.rendered.hasPrefix("\(bad.name):\(expected.line):\(expected.column): error: "))
}

/// A deleted or unreadable file fails the run: each folder holds at least
/// the programs it held when the cases became files.
@Test func noBadProgramFileIsLost() {
  let folders = Dictionary(grouping: badProgramFiles) { $0.name.prefix { $0 != "/" } }.mapValues(\.count)
  #expect(folders["syntax", default: 0] >= 24)
  #expect(folders["semantic", default: 0] >= 31)
  #expect(folders["habits", default: 0] >= 21)
}

@Test func theFirstErrorInTheFileIsReportedEvenIfItIsLexical() throws {
  // A parse error on line 2 comes before a lexical error on line 3.
  let d = try #require(diagnostic("async fn main() {\n    let = 1\n    print(\"open\n}\n"))
  #expect(d.line == 2 && d.column == 9)
}
