import AsyncVizTraceCodecs

/// What reading `bytes` as a trace file named t.json gives: "accepted", or
/// the error message a user would see.
func readingOutcome(_ bytes: [UInt8]) -> String {
  do {
    _ = try TraceJSONReader.decode(bytes, name: "t.json")
    return "accepted"
  } catch {
    return error.description
  }
}

/// The same for a text.
func readingOutcome(_ text: String) -> String { readingOutcome(Array(text.utf8)) }
