import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

/// Writes `trace` to `folder/name.json`, reads it back, checks the read trace
/// has the same model and events and writes the same bytes, and returns it:
/// the round trip each model's trace tests share, one copy.
///
/// Bytes, not values: strings may be interned differently once read
/// ("db.query" as one string).
func writtenAndReadBack(
  _ trace: Trace, name: String, in folder: String, sourceLocation: SourceLocation = #_sourceLocation
) throws -> Trace {
  let path = "\(folder)/\(name).json"
  try TraceJSONWriter.write(trace, to: path)
  let read = try TraceJSONReader.read(path: path)
  #expect(
    read.program.model == trace.program.model && read.events.count == trace.events.count, "\(name)",
    sourceLocation: sourceLocation)
  #expect(
    TraceJSONWriter.encode(read) == Array(try Data(contentsOf: URL(fileURLWithPath: path))), "\(name)",
    sourceLocation: sourceLocation)
  return read
}

/// Every demo's trace under the node, go and threads models, written and
/// read back: the file keeps the model and its bytes (the reader's checks
/// pass: a go run that exits with goroutines alive says each one ended), and
/// replaying it gives the model's state the run gave (the event loop, the
/// Ps and Ms, the kernel).
@Test(arguments: [RuntimeModel.node, .go, .threads])
func everyDemoTraceOfAModelReadsBackAsWritten(_ model: RuntimeModel) throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  for name in DemoTraces.names {
    let trace = DemoTraces.trace(named: name, model: model)
    #expect(trace.program.model == model)
    let read = try writtenAndReadBack(trace, name: name, in: folder)
    let (replayed, ran) = (TraceReducer.finalState(of: read), TraceReducer.finalState(of: trace))
    #expect(
      replayed.node == ran.node && replayed.go == ran.go && replayed.kernel == ran.kernel, "\(name)")
    #expect(replayed.tasks.map(\.status) == ran.tasks.map(\.status), "\(name)")
  }
}
