import AsyncVizLang
import Testing

@Test func aDiagnosticRendersFileLineColumnTheLineAndACaret() throws {
  let text = "async fn main() {\n    let rows = 1\n    print(rowz)\n}\n"
  let d = try #require(diagnostic(text))
  #expect(
    d.rendered == """
      bad.av:3:11: error: unknown name `rowz`; did you mean `rows`?
          print(rowz)
                ^
      """)
  #expect(d.line == 3)
  #expect(d.column == 11)
  #expect(d.message == "unknown name `rowz`; did you mean `rows`?")
  #expect(d.severity == .error)
}

@Test func aTabCountsAsOneColumnAndTheCaretLineKeepsTheTab() throws {
  let text = "async fn main() {\n\tlet rows = 1\n\tprint(rowz)\n}\n"
  let d = try #require(diagnostic(text))
  #expect(d.line == 3)
  #expect(d.column == 8)
  #expect(d.sourceLine == "\tprint(rowz)")
  #expect(d.caretLine == "\t      ^")
}

@Test func crlfLineEndingsGiveTheSamePositionsAsLf() throws {
  let lf = "# comment\nasync fn main() {\n    await sleep(5)\n}\n"
  let crlf = lf.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
  let a = try #require(diagnostic(lf))
  let b = try #require(diagnostic(crlf))
  #expect(a.line == 3 && a.column == 17)
  #expect(b.line == a.line && b.column == a.column && b.message == a.message)
  #expect(b.sourceLine == "    await sleep(5)")  // no stray \r
  #expect(b.caretLine == String(repeating: " ", count: 16) + "^")
}

@Test func aCrlfProgramRunsAndReportsTheRightLines() throws {
  let text = "async fn main() {\r\n    print(\"a\")\r\n    await sleep(1ms)\r\n}\r\n"
  let (trace, end) = try runText(text)
  #expect(end.reason == .completed)
  #expect(trace.printedText == ["a"])
  let lines = trace.events.compactMap { e -> Int32? in
    if case .pollEnd(_, .pending, let line, _) = e.payload { return line }
    return nil
  }
  #expect(lines == [3])
}

@Test func invalidUtf8IsRejectedWithItsPosition() throws {
  var bytes = Array("async fn main() {\n    print(\"caf".utf8)
  bytes.append(0xFF)
  bytes += Array("\")\n}\n".utf8)
  #expect(throws: Diagnostic.self) { try SourceFile(name: "x.av", bytes: bytes) }
  do {
    _ = try SourceFile(name: "x.av", bytes: bytes)
  } catch {
    #expect(error.line == 2)
    #expect(error.column == 15)  // `    print("caf` is 14 scalars
    #expect(error.message.contains("invalid UTF-8 (byte 0xFF)"))
    #expect(error.rendered.hasPrefix("x.av:2:15: error: invalid UTF-8"))
    #expect(error.sourceLine == "    print(\"caf\u{FFFD}\")")
    #expect(error.caretLine == String(repeating: " ", count: 14) + "^")
  }
}

@Test func invalidUtf8AfterMultibyteCharactersCountsScalars() throws {
  var bytes = Array("# é€\n# ok é".utf8)
  bytes += [0xC3]  // a truncated two-byte sequence at the end
  do {
    _ = try SourceFile(name: "y.av", bytes: bytes)
    Issue.record("accepted invalid UTF-8")
  } catch {
    #expect(error.line == 2)
    #expect(error.column == 7)
  }
}

@Test func validBytesAndAByteOrderMarkAreAccepted() throws {
  let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("async fn main() {\n    print(\"é\")\n}\n".utf8)
  let file = try SourceFile(name: "dir/bom.av", bytes: bytes)
  #expect(file.text.hasPrefix("async"))
  #expect(file.programName == "bom")
  let program = try CompiledProgram.compile(file)
  let (runtime, end) = runSim(program)
  #expect(end.reason == .completed)
  #expect(runtime.trace.printedText == ["é"])
  #expect(runtime.trace.program.name == "bom")
}

@Test func aCaretPastTheEndOfTheLineIsPaddedWithSpaces() throws {
  let d = try #require(diagnostic("async fn helper() {\n}"))
  #expect(d.message.contains("no `async fn main()`"))
  #expect(d.line == 2 && d.column == 2)
  #expect(d.caretLine == " ^")
}

@Test func warningsRenderWithTheirSeverity() throws {
  let program = try compile(
    """
    resource db latency 5ms
    async fn main() {
        let unused = db.query("x")
    }
    """)
  #expect(program.warnings.count == 1)
  let w = try #require(program.warnings.first)
  #expect(w.severity == .warning)
  #expect(w.rendered.hasPrefix("test.av:3:9: warning: future `unused` is never awaited"))
}

@Test func aVeryLongLineIsShownAsAWindowAroundTheColumn() throws {
  let pad = String(repeating: " ", count: 3_000)
  let text = "async fn main() {" + pad + "@" + pad + "}\n"
  do {
    _ = try CompiledProgram.compile(SourceFile(name: "long.av", text: text))
    Issue.record("a stray @ must be rejected")
  } catch {
    let lines = error.rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0].hasPrefix("long.av:1:3018: error:"), "\(lines[0].prefix(80))")
    #expect(lines[1].hasPrefix("...") && lines[1].hasSuffix("..."))
    #expect(lines[1].count < 200)
    let caret = try #require(lines[2].firstIndex(of: "^"))
    let at = try #require(lines[1].firstIndex(of: "@"))
    #expect(
      lines[2].distance(from: lines[2].startIndex, to: caret)
        == lines[1].distance(from: lines[1].startIndex, to: at))
  }
}

@Test func aLongTokenIsShortenedInTheMessage() throws {
  let name = String(repeating: "x", count: 3_000)
  do {
    _ = try CompiledProgram.compile(SourceFile(name: "t.av", text: "async fn main() {}\n\(name)\n"))
    Issue.record("a stray name at the top level must be rejected")
  } catch {
    #expect(error.message.count < 200)
    #expect(error.message.contains("xxx...`"))
  }
}
