import Foundation
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

/// A `block` event names its source line since the view follows blocking
/// calls; a trace written before that, without the field, still reads (line
/// 0), and the field belongs to `block` only.
@Test func aBlockEventsLineIsOptionalAndReadBack() throws {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("AsyncVizLangTests/Goldens/blocking-the-executor.trace.json")
  let file = try String(contentsOf: url, encoding: .utf8)
  #expect(file.contains(#""kind":"block","task":3,"dur_us":100000,"line":20,"#))
  func blockLine(_ text: String) throws -> Int32? {
    let trace = try TraceJSONReader.decode(Array(text.utf8), name: "t.json")
    for e in trace.events { if case .block(_, _, let line) = e.payload { return line } }
    return nil
  }
  #expect(try blockLine(file) == 20)
  let older = file.replacingOccurrences(of: #""dur_us":100000,"line":20,"#, with: #""dur_us":100000,"#)
  #expect(try blockLine(older) == 0)
  // Written back, the older trace's block has no line: none is made up.
  let reread = try TraceJSONReader.decode(Array(older.utf8), name: "t.json")
  let written = String(decoding: TraceJSONWriter.encode(reread), as: UTF8.self)
  #expect(written.contains(#""kind":"block","task":3,"dur_us":100000,"note""#))
  // Elsewhere `line` is still checked.
  let misplaced = file.replacingOccurrences(
    of: #""kind":"output","task":3,"#, with: #""kind":"output","task":3,"line":20,"#)
  #expect(throws: TraceReadError.self) {
    _ = try TraceJSONReader.decode(Array(misplaced.utf8), name: "t.json")
  }
}
