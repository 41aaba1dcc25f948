import AsyncVizTestPrograms
import AsyncVizTraceCodecs
import Foundation
import Testing

@testable import AsyncVizCLI

/// The view's `e` key under `--export`'s rules: it never writes over the
/// file being read or a file asyncviz did not write, and leaves no
/// temporary file behind.
@Suite struct ViewExportTests {
  let trace = DemoTraces.trace(named: "timers")

  private func names(in dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func aFileAsyncvizDidNotWriteIsKeptAndTheNextNameIsUsed() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let notes = dir.appendingPathComponent("timers.trace.json")
    try "my notes\n".write(to: notes, atomically: true, encoding: .utf8)
    let export = ViewExport(name: "timers", inputs: [], folder: dir.path + "/")
    for _ in 0..<2 {
      let written = try export.write(trace).get()
      #expect(written.hasPrefix(dir.appendingPathComponent("timers.trace-2.json").path))
      #expect(written.contains("timers.trace.json is not a trace asyncviz wrote, so it is kept"))
    }
    #expect(try String(contentsOf: notes, encoding: .utf8) == "my notes\n")
    let saved = try TraceJSONReader.read(path: dir.appendingPathComponent("timers.trace-2.json").path)
    #expect(saved.events.count == trace.events.count)
    #expect(try names(in: dir) == ["timers.trace-2.json", "timers.trace.json"])
  }

  @Test func theTraceBeingReplayedIsNeverWritten() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let input = dir.appendingPathComponent("timers.trace.json")
    try TraceJSONWriter.write(trace, to: input.path)
    // Pretty-printed by the user: the same trace, but bytes asyncviz would not write.
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: input))
    try JSONSerialization.data(withJSONObject: object, options: .prettyPrinted).write(to: input)
    let before = try Data(contentsOf: input)
    // Named through another path, as `replay ./x` or a link would.
    let export = ViewExport(
      name: "timers", inputs: [dir.path + "/./timers.trace.json"], folder: dir.path + "/")
    let written = try export.write(trace).get()
    #expect(written.contains("timers.trace-2.json"))
    #expect(written.contains("is the file being read, so it is kept"))
    #expect(try Data(contentsOf: input) == before)
    #expect(try names(in: dir) == ["timers.trace-2.json", "timers.trace.json"])
  }

  @Test func anUnchangedReplayedExportIsKeptToo() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let input = dir.appendingPathComponent("timers.trace.json")
    try TraceJSONWriter.write(trace, to: input.path)
    let export = ViewExport(name: "timers", inputs: [input.path], folder: dir.path + "/")
    #expect(try export.write(trace).get().contains("timers.trace-2.json"))
  }

  @Test func aTraceAsyncvizWroteIsReplacedInPlace() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let earlier = DemoTraces.trace(named: "lost-waker")
    let path = dir.appendingPathComponent("timers.trace.json").path
    try TraceJSONWriter.write(earlier, to: path)
    let export = ViewExport(name: "timers", inputs: [], folder: dir.path + "/")
    #expect(try export.write(trace).get() == path)
    #expect(try TraceJSONReader.read(path: path).program.name == "timers")
    #expect(try names(in: dir) == ["timers.trace.json"])
  }

  @Test func whenEveryNameIsTakenTheExportFailsAndSaysWhatToDo() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let names = ["timers.trace.json"] + (2...ViewExport.lastNumber).map { "timers.trace-\($0).json" }
    for name in names {
      try "mine\n".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let export = ViewExport(name: "timers", inputs: [], folder: dir.path + "/")
    guard case .failure(let why) = export.write(trace) else {
      Issue.record("an export replaced a file asyncviz did not write")
      return
    }
    #expect(why.message.contains("use --export FILE"))
    #expect(try self.names(in: dir).count == names.count)
  }
}
