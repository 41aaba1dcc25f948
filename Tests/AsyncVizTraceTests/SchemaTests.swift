import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceCodecs
import Foundation
import Testing

/// docs/trace.schema.json, found from this file.
private let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("docs/trace.schema.json").path

@Test func everyWorkloadTraceFollowsTheSchema() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  var files: [String] = []
  for (name, trace) in Workloads.all() {
    for backend in BackendKind.allCases {
      var t = trace
      t.program.backend = backend
      let path = "\(folder)/\(name)-\(backend).json"
      try TraceJSONWriter.write(t, to: path)
      files.append(path)
    }
  }
  // The node model's traces of every demo.
  for name in DemoTraces.names {
    let path = "\(folder)/\(name)-node.json"
    try TraceJSONWriter.write(DemoTraces.nodeTrace(named: name), to: path)
    files.append(path)
    // And the threads model's.
    let threads = "\(folder)/\(name)-threads.json"
    try TraceJSONWriter.write(DemoTraces.threadsTrace(named: name), to: threads)
    files.append(threads)
  }
  // A live trace (no end yet) is valid too.
  var live = Workloads.trace("timers")
  live.events.removeLast(5)
  live.end = nil
  try TraceJSONWriter.write(live, to: folder + "/live.json")
  files.append(folder + "/live.json")
  guard let result = Python.validate(schema: schemaPath, files: files) else { return }
  #expect(result.valid, "\(result.report)")
}

@Test func theSchemaAcceptsTimerCancel() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let text = String(decoding: TraceJSONWriter.encode(Workloads.trace("select-timeout")), as: UTF8.self)
  #expect(text.contains("\"kind\":\"timer_cancel\",\"task\":1,\"deadline_us\":60000,"))
  let path = folder + "/cancel.json"
  try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  guard let result = Python.validate(schema: schemaPath, files: [path]) else { return }
  #expect(result.valid, "\(result.report)")
}

@Test func everyDemoTraceFollowsTheSchema() throws {
  let paths = DemoTraces.goldenPaths()
  #expect(paths.count >= 11, "the demos' golden traces are missing from \(DemoTraces.goldenFolder.path)")
  guard let result = Python.validate(schema: schemaPath, files: paths) else { return }
  #expect(result.valid, "\(result.report)")
}

/// Each edit breaks one rule of the format; the schema must reject every one.
private let brokenRules: [(rule: String, original: String, replacement: String)] = [
  ("a missing note", ##""note":"#1 main is created"##, ##""nope":"#1 main is created"##),
  ("an unknown key", ##","name":"main","note""##, ##","name":"main","extra":1,"note""##),
  ("an unknown kind", ##""kind":"complete""##, ##""kind":"finish""##),
  ("a reactor wake without fd", ##""by":"reactor","fd":5,"##, ##""by":"reactor","##),
  ("a task wake with an fd", ##""by":"task","from_task":2,"##, ##""by":"task","fd":3,"from_task":2,"##),
  ("a string task id", ##""kind":"poll_start","task":2"##, ##""kind":"poll_start","task":"2""##),
  ("task id 0", ##""kind":"poll_start","task":2"##, ##""kind":"poll_start","task":0"##),
  ("a fractional time", ##""t_us":40000,"##, ##""t_us":40000.5,"##),
  ("a bad end reason", ##""reason":"completed""##, ##""reason":"done""##),
  ("a wrong version", ##""version":2"##, ##""version":3"##),
  ("a bad model", ##""model":"rust""##, ##""model":"erlang""##),
  ("a bad backend", ##""backend":"sim""##, ##""backend":"kqueue""##),
  ("a poll_end without awaiting", ##","awaiting":"db.query""##, ""),
  ("line 0 instead of null", ##""line":null"##, ##""line":0"##),
  (
    "a timer_cancel without its deadline", ##""kind":"complete","task":2,"##,
    ##""kind":"timer_cancel","task":2,"##
  ),
]

@Test func theSchemaIsStrict() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let text = String(decoding: TraceJSONWriter.encode(Workloads.trace("db-then-service")), as: UTF8.self)
  var files: [String] = []
  for (k, broken) in brokenRules.enumerated() {
    let range = try #require(text.range(of: broken.original), "\(broken.rule): pattern not in the trace")
    let path = "\(folder)/broken-\(k).json"
    try Data(text.replacingCharacters(in: range, with: broken.replacement).utf8).write(
      to: URL(fileURLWithPath: path))
    files.append(path)
  }
  guard let result = Python.validate(schema: schemaPath, files: files) else { return }
  for (k, broken) in brokenRules.enumerated() {
    #expect(!result.report.contains("\(files[k]): valid"), "the schema accepted \(broken.rule)")
    #expect(result.report.contains("\(files[k]): "), "no verdict on \(broken.rule): \(result.report)")
  }
}
