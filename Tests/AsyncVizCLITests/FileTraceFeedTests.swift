import AsyncVizCLI
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizUI
import Foundation
import Testing

/// 300 tasks yielding 60 times: about 92,000 events, several slices of the feed.
private func longTrace() -> Trace {
  let rt = Runtime(
    program: ProgramInfo(name: "yielders", source: "", backend: .sim),
    options: RuntimeOptions(tracing: true, maxSteps: UInt32.max))
  for _ in 0..<300 { rt.spawn("yielder", Yielder(remaining: 60)) }
  rt.run()
  return rt.trace
}

/// Writes `trace` to a fresh file; `edit` may change its text first.
private func written(_ trace: Trace, edit: (String) -> String = { $0 }) throws -> String {
  let dir = try CLIRunner.temporaryDirectory()
  let path = dir.appendingPathComponent("long.json").path
  try TraceJSONWriter.write(trace, to: path)
  let text = try String(contentsOfFile: path, encoding: .utf8)
  try edit(text).write(toFile: path, atomically: false, encoding: .utf8)
  return path
}

@Suite(.serialized)
struct FileTraceFeedTests {
  @Test
  func theViewsFirstFrameNeedsOnlyTheStartOfTheFile() throws {
    let trace = longTrace()
    #expect(trace.events.count > 2 * FileTraceFeed.sliceEvents)
    let path = try written(trace)
    let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)

    let feed = try FileTraceFeed(path: path)
    var model = ViewerModel(feed: feed)
    let frame = ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions())
    // The first frame is drawn from the first slices: most of the file is still unread.
    #expect(!frame.cells.isEmpty)
    #expect(model.isReading)
    #expect(feed.bytesRead < Int64(size / 2), "read \(feed.bytesRead) of \(size) bytes")
    #expect(model.history.trace.events.count < trace.events.count / 2)
    #expect(model.history.trace.end == nil)
    let header = frame.text.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.contains("reading..."), "header: \(header)")

    // The main loop reads the rest between keys: the history ends with the whole, checked trace.
    var slices = 0
    while model.isReading {
      model.readMore(feed)
      slices += 1
    }
    #expect(slices >= 2)
    #expect(!feed.hasFailed)
    #expect(model.history.trace == trace)
    #expect(feed.bytesRead == Int64(size))
  }

  @Test
  func aProblemAtTheEndOfTheFileIsFoundAfterTheViewOpened() throws {
    let trace = longTrace()
    let last = trace.events.last?.step ?? 0
    // "end" names the wrong step count: only the end of the file can show it.
    let path = try written(trace) { text in
      text.replacingOccurrences(
        of: "\"end\":{\"reason\":\"completed\",\"steps\":\(last),",
        with: "\"end\":{\"reason\":\"completed\",\"steps\":7,")
    }
    let feed = try FileTraceFeed(path: path)
    var model = ViewerModel(feed: feed)
    #expect(model.isReading)
    while model.isReading { model.readMore(feed) }
    let failure = try #require(feed.failure)
    #expect("\(failure)".contains("\"end\" says 7 steps, but the last event is in step \(last)"))
    #expect(throws: TraceReadError.self) { try feed.finish() }
    // Without a terminal, replay reads the whole file first, as before: the same message, exit 2.
    try CLIRunner.expectRefusal(["replay", path], saying: "\"end\" says 7 steps")
  }
}
