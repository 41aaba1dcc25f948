import AsyncVizTestPrograms
import AsyncVizTestSupport
import Foundation
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs
@testable import AsyncVizTraceState

@Test func writingThenReadingGivesAnEqualTrace() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  for (name, trace) in Workloads.all() {
    let bytes = TraceJSONWriter.encode(trace)
    let decoded = try TraceJSONReader.decode(bytes, name: name)
    #expect(decoded == trace.withCanonicalStrings(), "\(name)")
    #expect(TraceJSONWriter.encode(decoded) == bytes, "\(name): a second write differs")
    #expect(decoded.notes() == trace.notes(), "\(name)")
    let path = "\(folder)/\(name).json"
    try TraceJSONWriter.write(trace, to: path)
    #expect(try TraceJSONReader.read(path: path) == decoded, "\(name) from a file")
  }
}

@Test func tinyChunksGiveTheSameTrace() throws {
  // Every token straddles a refill: strings, escapes, UTF-8, numbers, literals.
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  var trace = Workloads.trace("select-timeout")
  trace.program.name = "tricky \"name\" \\ é→😀 \u{1} end"
  trace.tasks[0].name = "m\u{e9}in \u{1F600}"
  let path = folder + "/t.json"
  try TraceJSONWriter.write(trace, to: path)
  let whole = try TraceJSONReader.read(path: path)
  #expect(whole == trace.withCanonicalStrings())
  for chunk in [1, 2, 3, 7, 64] {
    #expect(try TraceJSONReader.read(path: path, chunkSize: chunk) == whole, "chunk \(chunk)")
  }
}

@Test func anyValidJSONLayoutAndKeyOrderIsAccepted() throws {
  let trace = Workloads.trace("channel-pipeline")
  let bytes = TraceJSONWriter.encode(trace)
  // Pretty-printed with sorted keys (end before events, kind after fd...), and with \u escapes.
  let object = try JSONSerialization.jsonObject(with: Data(bytes))
  let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
  let escaped = String(decoding: pretty, as: UTF8.self).replacingOccurrences(of: "jobs", with: "\\u006aobs")
  #expect(try TraceJSONReader.decode(Array(escaped.utf8), name: "pretty") == trace.withCanonicalStrings())
}

@Test func aLiveTraceWithoutEndReadsBack() throws {
  var trace = Workloads.trace("timers")
  trace.events.removeLast(4)
  trace.end = nil
  let decoded = try TraceJSONReader.decode(TraceJSONWriter.encode(trace), name: "live")
  #expect(decoded.end == nil)
  #expect(decoded == trace.withCanonicalStrings())
}

@Test func truncatedFilesAreRefusedAtEveryCut() throws {
  let bytes = TraceJSONWriter.encode(Workloads.trace("db-then-service"))
  var cut = 0
  while cut < bytes.count - 1 {
    // The last byte is the final newline: everything shorter than the closing brace is truncated.
    do {
      _ = try TraceJSONReader.decode(Array(bytes[..<cut]), name: "t.json")
      Issue.record("a file cut at byte \(cut) was accepted")
    } catch {
      #expect(error.description.hasPrefix("t.json: error: "))
      if cut > 0 {
        #expect(
          error.message.contains("truncated") || error.message.contains("invalid literal"),
          "cut at \(cut): \(error.description)")
      }
    }
    cut += cut < 200 ? 1 : 37
  }
}

@Test func everyDemoTraceReadsAndWritesBackByteForByte() throws {
  let paths = DemoTraces.goldenPaths()
  #expect(paths.count >= 11)
  for path in paths {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let trace = try TraceJSONReader.read(path: path)
    let same = TraceJSONWriter.encode(trace) == bytes
    #expect(same, "\(path) differs once read and written again")
  }
}

@Test func theEightByteScanStopsAtEverySpecialByte() {
  // Every position and every byte value: the word test must agree with a byte-by-byte test.
  for position in 0..<8 {
    for value in 0...255 {
      var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
      bytes[position] = UInt8(value)
      let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
      let special = value < 0x20 || value >= 0x80 || value == 0x22 || value == 0x5C
      #expect(TraceDecoder.hasSpecialByte(word) == special, "byte \(value) at \(position)")
    }
  }
}

@Test func aTimerCancelReadsBackWithItsDeadlineAndNeedsIt() throws {
  // In select-timeout the svc call beats a 50 ms sleep armed at 10 ms: its timer is cancelled.
  let trace = Workloads.trace("select-timeout")
  let bytes = TraceJSONWriter.encode(trace)
  let decoded = try TraceJSONReader.decode(bytes, name: "t.json")
  let cancels = decoded.events.filter { if case .timerCancel = $0.payload { true } else { false } }
  #expect(cancels.map(\.payload) == [.timerCancel(task: TaskID(1), deadlineUs: 60_000)])
  let text = String(decoding: bytes, as: UTF8.self)
  let line = try #require(text.split(separator: "\n").first { $0.contains("\"kind\":\"timer_cancel\"") })
  #expect(line.contains("\"kind\":\"timer_cancel\",\"task\":1,\"deadline_us\":60000,\"note\":"))
  let broken = text.replacingOccurrences(
    of: "\"timer_cancel\",\"task\":1,\"deadline_us\":60000,", with: "\"timer_cancel\",\"task\":1,")
  #expect(throws: TraceReadError.self) { try TraceJSONReader.decode(Array(broken.utf8), name: "t.json") }
  do {
    _ = try TraceJSONReader.decode(Array(broken.utf8), name: "t.json")
  } catch {
    #expect(error.message.contains("a timer_cancel event needs \"deadline_us\""), "\(error.description)")
  }
}
