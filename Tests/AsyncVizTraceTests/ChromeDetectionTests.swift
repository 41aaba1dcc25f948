import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

/// The message reading `text` gives.

private let chromeMessage = "t.json: error: this is a Chrome trace (for Perfetto), not an asyncviz trace"

@Test func asyncvizOwnChromeExportIsRecognized() {
  let exported = ChromeTraceWriter.encode(Workloads.trace("db-then-service"))
  #expect(readingOutcome(exported).hasPrefix(chromeMessage))
}

@Test func aChromeKeyIsRecognizedAfterOtherKeys() {
  #expect(
    readingOutcome(#"{"otherData":{"a":[1,-2.5e3,true,null,"x"]},"traceEvents":[]}"#).hasPrefix(chromeMessage)
  )
  #expect(readingOutcome(#"{"stackFrames":{},"displayTimeUnit":"ns"}"#).hasPrefix(chromeMessage))
  #expect(readingOutcome(#"{"traceEvents":[{"ph":"X"}]}"#).hasPrefix(chromeMessage))
}

@Test func anUnknownKeyIsStillNamedWhenNoChromeKeyFollows() {
  let good = String(decoding: TraceJSONWriter.encode(Workloads.trace("db-then-service")), as: UTF8.self)
  let edited = good.replacingOccurrences(
    of: "\n\"program\":", with: "\n\"colour\":[1,{\"b\":2}],\n\"program\":")
  #expect(
    readingOutcome(edited).hasPrefix(
      #"t.json: error: unknown key "colour" at the top level (byte offset 49)"#))
  // A broken or absurdly deep value after it still gets the key's message (and no crash).
  #expect(readingOutcome(#"{"x":[1,}"#).hasPrefix(#"t.json: error: unknown key "x" at the top level"#))
  let deep = "{\"x\":" + String(repeating: "[", count: 100_000)
  #expect(readingOutcome(deep).hasPrefix(#"t.json: error: unknown key "x" at the top level"#))
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
