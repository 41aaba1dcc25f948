import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation
import Testing

// Every time the reader accepts (0 to Int64.max microseconds) must export,
// print and replay without an arithmetic trap, and the virtual clock must
// saturate instead of overflowing, however far a run drives it.

/// Blocks the executor for each of `durations` in turn, then sleeps once.
private struct BlocksThenSleeps: Future {
  let durations: [Int64]
  var next = 0
  var sleep = Sleep(durationUs: 1_000)
  mutating func poll(_ cx: inout Context) -> Poll<Void> {
    while next < durations.count {
      cx.block(durations[next])
      next += 1
    }
    return sleep.poll(&cx)
  }
}

/// Runs `durations` of blocking on the sim backend; its trace.
private func run(_ durations: [Int64]) -> (Trace, RunEnd) {
  let rt = Runtime(program: ProgramInfo(name: "t", source: "", backend: .sim))
  rt.spawn("blocker", BlocksThenSleeps(durations: durations))
  let end = rt.run()
  return (rt.trace, end)
}

private let clockDrives: [[Int64]] = [
  [.max], [.max / 2, .max / 2, .max / 2], [.max - 1, 1, 1], [.max / 1000 + 1], [.max / 1000, .max / 1000, 5],
  [3_600_000_000, .max - 3_600_000_000],
]

@Test(arguments: clockDrives.indices)
func theVirtualClockSaturatesAndEveryExportWorks(_ index: Int) throws {
  let (trace, end) = run(clockDrives[index])
  #expect(end.reason == .completed)
  // The clock never goes back, and stops at Int64.max at most.
  let times = trace.events.map(\.tUs)
  #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
  #expect(end.tUs >= times.last ?? 0)
  let total = clockDrives[index].reduce(Int64(0)) { $0.saturatingAdding($1) }
  #expect(end.tUs >= min(total, .max))
  // It reads back, prints, and exports to Chrome (whose times are in ns).
  let bytes = TraceJSONWriter.encode(trace)
  let back = try TraceJSONReader.decode(bytes, name: "t.json")
  #expect(back == trace)
  #expect(!Transcript.render(back).isEmpty)
  let chrome = ChromeTraceWriter.encode(back)
  let json = try JSONSerialization.jsonObject(with: Data(chrome)) as? [String: Any]
  let events = try #require(json?["traceEvents"] as? [[String: Any]])
  #expect(events.count > trace.events.count / 2)
}

/// A hand-edited trace with the largest values the reader accepts in every
/// time field (`t_us`, `dur_us`, `deadline_us`, `timeout_us`): it exports.
@Test(arguments: [Int64.max, Int64.max - 1, Int64.max / 1000 + 1, Int64.max / 2])
func theLargestTimesTheReaderAcceptsExportToChrome(_ big: Int64) throws {
  let (small, _) = run([1_000])
  var text = String(decoding: TraceJSONWriter.encode(small), as: UTF8.self)
  // Every event after the first at `big`: times stay non-decreasing.
  var first = true
  text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
    guard line.contains("\"t_us\":") else { return String(line) }
    if first && line.contains("\"seq\":0,") {
      first = false
      return String(line)
    }
    return String(line).replacingOccurrences(
      of: #""t_us":\d+"#, with: "\"t_us\":\(big)", options: .regularExpression
    )
    .replacingOccurrences(of: #""dur_us":\d+"#, with: "\"dur_us\":\(big)", options: .regularExpression)
    .replacingOccurrences(
      of: #""deadline_us":\d+"#, with: "\"deadline_us\":\(big)", options: .regularExpression
    )
    .replacingOccurrences(
      of: #""timeout_us":\d+"#, with: "\"timeout_us\":\(big)", options: .regularExpression)
  }.joined(separator: "\n")
  let trace = try TraceJSONReader.decode(Array(text.utf8), name: "t.json")
  #expect(trace.events.last?.tUs == big)
  #expect(!Transcript.render(trace).isEmpty)
  let chrome = ChromeTraceWriter.encode(trace)
  #expect(try JSONSerialization.jsonObject(with: Data(chrome)) is [String: Any])
}
