import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

/// Inputs kept from fuzzing the reader (Fuzz/FuzzTraceReader.swift): each is
/// read, and what happened (the error, or "ok") must match expected.txt. A
/// file that reads must also survive a write/read round trip, a transcript
/// and a Chrome export.
@Test func fuzzedInputsGetTheSameOutcome() throws {
  let folder = Golden.folder(#filePath).appendingPathComponent("FuzzRegressions")
  let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
    $0.hasSuffix(".json")
  }.sorted()
  #expect(names.count >= 10)
  var report = ""
  for name in names {
    let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    do {
      let trace = try TraceJSONReader.decode(bytes, name: name)
      #expect(try TraceJSONReader.decode(TraceJSONWriter.encode(trace), name: name) == trace, "\(name)")
      #expect(!Transcript.render(trace).isEmpty)
      #expect(!ChromeTraceWriter.encode(trace).isEmpty)
      report += "\(name): ok, \(trace.events.count) events\n"
    } catch {
      report += "\(error.description)\n"
    }
  }
  Golden.check(report, named: "FuzzRegressions/expected.txt")
}
