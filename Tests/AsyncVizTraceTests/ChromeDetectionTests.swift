import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

/// The message reading `text` gives.
private func message(_ text: String) -> String {
  message(Array(text.utf8))
}

private func message(_ bytes: [UInt8]) -> String {
  do {
    _ = try TraceJSONReader.decode(bytes, name: "t.json")
    return "accepted"
  } catch {
    return error.description
  }
}

private let chromeMessage = "t.json: error: this is a Chrome trace (for Perfetto), not an asyncviz trace"

@Test func asyncvizOwnChromeExportIsRecognized() {
  let exported = ChromeTraceWriter.encode(Workloads.trace("db-then-service"))
  #expect(message(exported).hasPrefix(chromeMessage))
}

@Test func aChromeKeyIsRecognizedAfterOtherKeys() {
  #expect(message(#"{"otherData":{"a":[1,-2.5e3,true,null,"x"]},"traceEvents":[]}"#).hasPrefix(chromeMessage))
  #expect(message(#"{"stackFrames":{},"displayTimeUnit":"ns"}"#).hasPrefix(chromeMessage))
  #expect(message(#"{"traceEvents":[{"ph":"X"}]}"#).hasPrefix(chromeMessage))
}

@Test func anUnknownKeyIsStillNamedWhenNoChromeKeyFollows() {
  let good = String(decoding: TraceJSONWriter.encode(Workloads.trace("db-then-service")), as: UTF8.self)
  let edited = good.replacingOccurrences(
    of: "\n\"program\":", with: "\n\"colour\":[1,{\"b\":2}],\n\"program\":")
  #expect(
    message(edited).hasPrefix(#"t.json: error: unknown key "colour" at the top level (byte offset 49)"#))
  // A broken or absurdly deep value after it still gets the key's message (and no crash).
  #expect(message(#"{"x":[1,}"#).hasPrefix(#"t.json: error: unknown key "x" at the top level"#))
  let deep = "{\"x\":" + String(repeating: "[", count: 100_000)
  #expect(message(deep).hasPrefix(#"t.json: error: unknown key "x" at the top level"#))
  let bytes = Array(deep.utf8)
  var decoder = TraceDecoder(window: JSONReadWindow(bytes: bytes), path: "t.json")
  decoder.window.pos = 5
  do {
    try decoder.skipValue()
    Issue.record("a 100000-deep value was skipped")
  } catch {
    #expect(error.message == "values nested more than 64 deep")
  }
}
