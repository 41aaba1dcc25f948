import Foundation
import Testing

/// What `checkModelExport` read back: the JSON trace and the Chrome trace's events.
struct ModelExport {
  let json: [String: Any]
  let chromeEvents: [[String: Any]]

  /// The Chrome trace's lane names (its `thread_name` metadata events).
  var lanes: [String] {
    chromeEvents.compactMap { e -> String? in
      guard e["name"] as? String == "thread_name" else { return nil }
      return (e["args"] as? [String: Any])?["name"] as? String
    }
  }
}

/// The export-and-replay check every model shares: `demo` under `model`
/// exports a JSON trace that names the model and holds `kinds` of events,
/// its replay prints the demo's transcript, which the demo follows only with
/// its comparison with rust, and the Chrome export is not empty. One copy,
/// not one per model: each model's test adds only what is its own.
func checkModelExport(
  _ demo: String, model: String, kinds: Set<String>, sourceLocation: SourceLocation = #_sourceLocation
) throws -> ModelExport {
  let dir = try CLIRunner.temporaryDirectory()
  let file = dir.appendingPathComponent("\(model).json")
  let export = try CLIRunner.run(["export", demo, "--model", model, "-o", file.path])
  #expect(export.code == 0, "\(export.stderr)", sourceLocation: sourceLocation)
  let json = try #require(
    try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any],
    sourceLocation: sourceLocation)
  #expect((json["program"] as? [String: Any])?["model"] as? String == model, sourceLocation: sourceLocation)
  let found = Set((json["events"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String })
  #expect(found.isSuperset(of: kinds), "missing: \(kinds.subtracting(found))", sourceLocation: sourceLocation)
  let replay = try CLIRunner.run(["replay", file.path, "--plain"])
  let run = try CLIRunner.run(["demo", demo, "--model", model, "--plain"])
  #expect(replay.code == 0, "\(replay.stderr)", sourceLocation: sourceLocation)
  // The demo adds only its comparison with rust after the transcript.
  #expect(run.stdout.hasPrefix(replay.stdout), sourceLocation: sourceLocation)
  #expect(
    run.stdout.dropFirst(replay.stdout.count).hasPrefix("\ncompared with rust"),
    sourceLocation: sourceLocation)
  let chrome = dir.appendingPathComponent("\(model).chrome.json")
  let perfetto = try CLIRunner.run([
    "export", demo, "--model", model, "--format", "chrome", "-o", chrome.path,
  ])
  #expect(perfetto.code == 0, "\(perfetto.stderr)", sourceLocation: sourceLocation)
  let events = try JSONSerialization.jsonObject(with: Data(contentsOf: chrome)) as? [String: Any]
  let chromeEvents = (events?["traceEvents"] as? [[String: Any]]) ?? []
  #expect(!chromeEvents.isEmpty, sourceLocation: sourceLocation)
  return ModelExport(json: json, chromeEvents: chromeEvents)
}

/// The transcript of `asyncviz demo DEMO --model MODEL --plain`, which must
/// run to the end and name its model: the start every model's check shares.
func modelTranscript(_ demo: String, model: String, sourceLocation: SourceLocation = #_sourceLocation) throws
  -> String
{
  let result = try CLIRunner.run(["demo", demo, "--model", model, "--plain"])
  #expect(result.code == 0, "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.contains("model: \(model)"), sourceLocation: sourceLocation)
  return result.stdout
}

extension String {
  /// The text between the first `start` and the first `end` after it, both required.
  func between(_ start: String, and end: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> Substring
  {
    let a = try #require(range(of: start), sourceLocation: sourceLocation)
    let b = try #require(range(of: end, range: a.upperBound..<endIndex), sourceLocation: sourceLocation)
    return self[a.upperBound..<b.lowerBound]
  }
}
