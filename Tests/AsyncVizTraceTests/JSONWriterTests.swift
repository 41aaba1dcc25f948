import AsyncVizTestSupport
import Foundation
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs
@testable import AsyncVizTraceState

@Test func dbThenServiceTraceMatchesItsGolden() {
  Golden.check(TraceJSONWriter.encode(Workloads.trace("db-then-service")), named: "db-then-service.json")
}

@Test func theSameRunGivesIdenticalBytes() {
  for name in Workloads.names {
    #expect(TraceJSONWriter.encode(Workloads.trace(name)) == TraceJSONWriter.encode(Workloads.trace(name)))
  }
}

@Test func oneEventPerLineWithKeysInTheStableOrder() throws {
  let trace = Workloads.trace("select-timeout")
  let text = String(decoding: TraceJSONWriter.encode(trace), as: UTF8.self)
  let lines = text.split(separator: "\n")
  let eventLines = lines.filter { $0.hasPrefix("{\"seq\":") }
  #expect(eventLines.count == trace.events.count)
  let notes = trace.notes()
  for (i, line) in eventLines.enumerated() {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.trimmingSuffix(",").utf8)) as? [String: Any])
    #expect(object["seq"] as? Int == i)
    #expect(object["note"] as? String == notes[i])
    // Keys in order: seq, step, t_us, kind, then task (when the kind has one), ..., note last.
    let keys = keyOrder(String(line))
    #expect(Array(keys.prefix(4)) == ["seq", "step", "t_us", "kind"])
    #expect(keys.last == "note")
    if trace.events[i].payload.task != nil { #expect(keys[4] == "task") }
  }
  #expect(lines.first == "{\"format\":\"asyncviz-trace\",\"version\":2,")
  #expect(lines.last == "}")
}

@Test func kindFieldsAreWrittenAsDocumented() throws {
  let trace = Workloads.trace("select-timeout")
  let text = String(decoding: TraceJSONWriter.encode(trace), as: UTF8.self)
  let byKind = Dictionary(grouping: text.split(separator: "\n").filter { $0.hasPrefix("{\"seq\":") }) {
    line -> String in
    let from = line.range(of: "\"kind\":\"")?.upperBound ?? line.startIndex
    return String(line[from...].prefix { $0 != "\"" })
  }
  let expected: [String: [String]] = [
    "spawn": ["task", "parent", "name"], "schedule": ["task", "cause", "position"], "poll_start": ["task"],
    "poll_end": ["task", "result", "line", "awaiting"], "complete": ["task"],
    "register": ["task", "fd", "interest"], "deregister": ["fd"], "reactor_wait": ["timeout_us"],
    "reactor_ready": ["fd", "readiness"], "timer_set": ["task", "deadline_us"], "timer_fire": ["task"],
    "timer_cancel": ["task", "deadline_us"],
    "waker_clone": ["task"], "waker_drop": ["task"], "io_send": ["task", "fd", "resource", "op"],
    "output": ["task", "text"],
  ]
  for (kind, fields) in expected {
    let line = try #require(byKind[kind]?.first, "no \(kind) event")
    #expect(keyOrder(String(line)) == ["seq", "step", "t_us", "kind"] + fields + ["note"], "\(kind)")
  }
  let wakes = try #require(byKind["wake"])
  #expect(wakes.contains { keyOrder(String($0)).dropFirst(4) == ["task", "by", "fd", "note"] })
  #expect(wakes.contains { keyOrder(String($0)).dropFirst(4) == ["task", "by", "note"] })
  #expect(text.contains("\"end\":{\"reason\":\"completed\",\"steps\":7,\"t_us\":36000,\"stuck\":[]}"))
}

@Test func stringsAreEscapedAndNonASCIIKeptAsUTF8() throws {
  let tricky = "q\"b\\s/ nl\n tab\t cr\r nul\u{0} bell\u{7} esc\u{1B} del\u{7F} é→😀 \u{2028}"
  var trace = Trace(program: ProgramInfo(name: tricky, source: tricky, backend: .sim))
  trace.tasks = [TaskRecord(id: TaskID(1), name: "t\"1", parent: nil)]
  trace.strings = ["", tricky]
  trace.events = [
    TraceEvent(step: 0, tUs: 0, payload: .spawn(task: TaskID(1), parent: nil)),
    TraceEvent(step: 0, tUs: 0, payload: .output(task: TaskID(1), text: StringID(1))),
  ]
  let bytes = TraceJSONWriter.encode(trace)
  let text = String(decoding: bytes, as: UTF8.self)
  #expect(
    text.contains(
      #""name":"q\"b\\s/ nl\n tab\t cr\r nul\u0000 bell\u0007 esc\u001b del\#u{7F} é→😀 \#u{2028}","#))
  let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  let program = try #require(object["program"] as? [String: Any])
  #expect(program["name"] as? String == tricky)
  let events = try #require(object["events"] as? [[String: Any]])
  #expect(events[1]["text"] as? String == tricky)
  #expect((events[1]["note"] as? String)?.hasSuffix(tricky) == true)
  #expect(object["end"] is NSNull)
}

@Test func writeReplacesTheTargetAndLeavesNoTemporaryFile() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let path = folder + "/t.json"
  try Data("old".utf8).write(to: URL(fileURLWithPath: path))
  let trace = Workloads.trace("channel-pipeline")
  try TraceJSONWriter.write(trace, to: path)
  #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == TraceJSONWriter.encode(trace))
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["t.json"])
}

@Test func aLargeTraceIsWrittenInChunks() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let trace = Workloads.trace("many-requests")
  var big = trace
  while big.events.count * 150 < 3 * TraceFileOutput.chunkSize { big.events += trace.events }
  try TraceJSONWriter.write(big, to: folder + "/big.json")
  #expect(
    try Array(Data(contentsOf: URL(fileURLWithPath: folder + "/big.json"))) == TraceJSONWriter.encode(big))
}

@Test func failedWritesNameThePathAndTheReason() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let trace = Workloads.trace("db-then-service")
  let missing = folder + "/nope/t.json"
  #expect(throws: TraceWriteError.self) { try TraceJSONWriter.write(trace, to: missing) }
  do {
    try TraceJSONWriter.write(trace, to: missing)
  } catch {
    #expect(
      error.description
        == "\(missing): error: cannot write the trace: the folder \(folder)/nope does not exist")
  }
  // The target is a folder: rename fails, nothing is left behind.
  let dir = folder + "/adir"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
  do {
    try TraceJSONWriter.write(trace, to: dir)
    Issue.record("writing over a folder succeeded")
  } catch {
    #expect(error.description == "\(dir): error: cannot write the trace: it is a directory")
  }
  #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["adir"])
  // /sys refuses new files even to root.
  do {
    try TraceJSONWriter.write(trace, to: "/sys/asyncviz-test.json")
    Issue.record("writing under /sys succeeded")
  } catch {
    #expect(error.description.hasPrefix("/sys/asyncviz-test.json: error: cannot write the trace: "))
    #expect(error.reason.contains("/sys"))
  }
}

@Test func aFullDiskIsReported() throws {
  let fd = open("/dev/full", O_WRONLY)
  try #require(fd >= 0)
  defer { close(fd) }
  let bytes: [UInt8] = Array(repeating: 65, count: 10_000)
  do {
    try bytes.withUnsafeBufferPointer { (p) throws(TraceWriteError) in
      try TraceFileOutput.writeAll(p, to: fd, path: "out.json")
    }
    Issue.record("writing to /dev/full succeeded")
  } catch {
    #expect(error.description == "out.json: error: cannot write the trace: no space left on the device")
  }
}

/// The keys of a one-line JSON object, in order (top level only).
private func keyOrder(_ line: String) -> [String] {
  var keys: [String] = []
  var depth = 0
  var inString = false
  var escaped = false
  var current = ""
  for ch in line {
    if inString {
      if escaped {
        escaped = false
      } else if ch == "\\" {
        escaped = true
      } else if ch == "\"" {
        inString = false
      }
      current.append(ch)
      continue
    }
    switch ch {
    case "\"":
      inString = true
      current = "\""
    case ":" where depth == 1:
      keys.append(String(current.dropFirst().dropLast()))
    case "{", "[": depth += 1
    case "}", "]": depth -= 1
    default: break
    }
  }
  return keys
}

extension Substring {
  fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
    hasSuffix(suffix) ? dropLast(suffix.count) : self
  }
}
