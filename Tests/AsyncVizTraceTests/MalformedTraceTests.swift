import AsyncVizTestSupport
import Foundation
import Testing

@testable import AsyncVizTrace
@testable import AsyncVizTraceCodecs

/// The db-then-service trace as text, the base of every broken file.
private let good = String(decoding: TraceJSONWriter.encode(Workloads.trace("db-then-service")), as: UTF8.self)

/// `good` with the last `original` replaced (the first, for most: each appears once or early).
private func edit(_ original: String, _ replacement: String) -> [UInt8] {
  guard let range = good.range(of: original, options: original == "\n}\n" ? .backwards : []) else {
    return []
  }
  return Array(good.replacingCharacters(in: range, with: replacement).utf8)
}

/// An edit of `good` (or, with an empty `original`, a whole file), shown by its name only.
struct Change: Sendable, CustomTestStringConvertible {
  let original: String
  let replacement: String
  init(_ original: String, _ replacement: String) {
    self.original = original
    self.replacement = replacement
  }
  var testDescription: String { "an edit" }
}

@Test(arguments: [
  (
    "wrong format", Change(#""format":"asyncviz-trace""#, #""format":"other""#),
    #"t.json: error: not an asyncviz trace: "format" is "other", not "asyncviz-trace" (byte offset 10)"#
  ),
  (
    "wrong version", Change(#""version":2"#, #""version":7"#),
    "t.json: error: unsupported trace version 7 (this asyncviz reads versions 1 to 2) (byte offset 37)"
  ),
  (
    "missing field", Change(#""cause":"spawn","position":0,"#, #""cause":"spawn","#),
    #"t.json: error: a schedule event needs "position" (event 1, byte offset "#
  ),
  (
    "mistyped field", Change(#""kind":"poll_start","task":1"#, #""kind":"poll_start","task":"1""#),
    #"t.json: error: "task" must be an integer, found a string (event 2, byte offset "#
  ),
  (
    "fraction", Change(#""t_us":40000,"#, #""t_us":40000.0,"#),
    #"t.json: error: "t_us" must be an integer, found a number with a fraction or exponent (event 13, "#
  ),
  (
    "negative fd", Change(#""fd":5,"#, #""fd":-5,"#),
    #"t.json: error: "fd" must be 0 to 2147483647, found -5 (event 8, byte offset "#
  ),
  (
    "unknown kind", Change(#""kind":"complete""#, #""kind":"finished""#),
    #"t.json: error: unknown event kind "finished" (event 30, byte offset "#
  ),
  (
    "unknown key", Change(#""kind":"complete","task":2,"#, #""kind":"complete","task":2,"colour":1,"#),
    #"t.json: error: unknown key "colour" in an event (event 30, byte offset "#
  ),
  (
    "key of another kind", Change(#""kind":"complete","task":2,"#, #""kind":"complete","task":2,"fd":1,"#),
    #"t.json: error: "fd" does not belong in a complete event (event 30, byte offset "#
  ),
  (
    "unknown task", Change(#""kind":"poll_start","task":1"#, #""kind":"poll_start","task":9"#),
    "t.json: error: the event names task 9, which is not in the task table (event 2)"
  ),
  (
    "seq out of order", Change(#"{"seq":2,"#, #"{"seq":3,"#),
    #"t.json: error: "seq" is 3 but this is event 2: events are out of order or missing (event 2, byte offset "#
  ),
  (
    "time going back", Change(#""seq":14,"step":3,"t_us":40000"#, #""seq":14,"step":3,"t_us":39999"#),
    #"t.json: error: "t_us" goes back from 40000 to 39999 (event 14, byte offset "#
  ),
  (
    "spawn not matching the table", Change(#""parent":1,"name":"handler""#, #""parent":1,"name":"worker""#),
    "t.json: error: this spawn of task 2 does not match the task table (event 3)"
  ),
  (
    "chrome trace", Change("", #"{"traceEvents":[]}"#),
    "t.json: error: this is a Chrome trace (for Perfetto), not an asyncviz trace (byte offset 15)"
  ),
  (
    "not JSON", Change("", "hello\n"),
    "t.json: error: not an asyncviz trace: it does not start with a JSON object (found 'h') (byte offset 0)"
  ),
  ("empty", Change("", ""), "t.json: error: the file is empty"),
  ("blank", Change("", "  \n\n"), "t.json: error: the file holds only blank space"),
  (
    "trailing data", Change("\n}\n", "\n}\n{}"),
    "t.json: error: unexpected '{' after the end of the trace (byte offset "
  ),
  (
    "duplicate key", Change(#""kind":"complete","task":2,"#, #""kind":"complete","task":2,"task":2,"#),
    #"t.json: error: the key "task" appears twice (event 30, byte offset "#
  ),
  (
    "raw control character", Change("handled 1", "handled\u{1}1"),
    "t.json: error: a control character (byte 0x01) inside a string must be escaped (event "
  ),
  (
    "bad escape", Change("handled 1", "handled\\q1"),
    "t.json: error: invalid escape: a backslash followed by 'q' (event "
  ),
  (
    "lone surrogate", Change("handled 1", "handled\\udc001"),
    "t.json: error: invalid \\u escape: a lone low surrogate (event "
  ),
  (
    "no end", Change(#""end":{"#, #""fin":{"#),
    #"t.json: error: unknown key "fin" at the top level (byte offset "#
  ),
  (
    "task table out of order", Change(#"{"id":2,"#, #"{"id":3,"#),
    "t.json: error: task ids must be 1, 2, 3... in order; found 3 at position 2 (byte offset "
  ),
])
func malformedFilesGetAClearMessage(_ what: String, _ change: Change, _ expected: String) {
  let bytes =
    change.original.isEmpty ? Array(change.replacement.utf8) : edit(change.original, change.replacement)
  #expect(!bytes.isEmpty || what == "empty", "\(what): the edit did not apply")
  #expect(readingOutcome(bytes).hasPrefix(expected), "\(what)")
}

@Test func invalidUTF8IsRefused() {
  let base = Array(good.utf8)
  let notePrefix = "\"note\":\"#1 main is created"
  let at = good.utf8.distance(
    from: good.startIndex, to: good.range(of: notePrefix)?.upperBound ?? good.startIndex)
  for bad: [UInt8] in [
    [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
  ] {
    var bytes = base
    bytes.insert(contentsOf: bad, at: at)
    let message = readingOutcome(bytes)
    #expect(message.hasPrefix("t.json: error: invalid UTF-8 ("), "\(bad): \(message)")
    #expect(message.contains("(event 0, byte offset \(at))"), "\(bad): \(message)")
  }
}

@Test func directoriesMissingFilesAndHugeFilesAreRefused() throws {
  let folder = makeTemporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  #expect(throws: TraceReadError(path: folder, message: "this is a directory, not a trace file")) {
    try TraceJSONReader.read(path: folder)
  }
  #expect(throws: TraceReadError(path: folder + "/none.json", message: "cannot open the file: no such file"))
  {
    try TraceJSONReader.read(path: folder + "/none.json")
  }
  // A sparse 3 GiB file: no disk space used, refused before reading.
  let huge = folder + "/huge.json"
  let fd = open(huge, O_CREAT | O_WRONLY, 0o644)
  try #require(fd >= 0)
  ftruncate(fd, 3 << 30)
  close(fd)
  do {
    _ = try TraceJSONReader.read(path: huge)
    Issue.record("a 3 GiB file was accepted")
  } catch {
    #expect(
      error.description
        == "\(huge): error: the file is too large (3221225472 bytes; asyncviz reads traces up to 2 GiB)")
  }
}

@Test func aPipeIsReadInChunks() throws {
  let bytes = TraceJSONWriter.encode(Workloads.trace("many-requests"))
  var fds: [Int32] = [0, 0]
  try #require(pipe(&fds) == 0)
  let writeEnd = fds[1]
  let writer = Thread {
    bytes.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress else { return }
      var off = 0
      while off < p.count {
        let n = write(writeEnd, base + off, p.count - off)
        if n <= 0 { break }
        off += n
      }
    }
    close(writeEnd)
  }
  writer.start()
  let trace = try TraceJSONReader.read(path: "/dev/fd/\(fds[0])", chunkSize: 4096)
  close(fds[0])
  #expect(trace == Workloads.trace("many-requests").withCanonicalStrings())
}

@Test func textFromTheFileCannotDriveTheTerminal() {
  // A key that would turn the terminal red and clear it, if printed raw.
  let hostile = Array(#"{"format":"asyncviz-trace","\u001b[31m\u001b[2J":1}"#.utf8)
  let message = readingOutcome(hostile)
  #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
  #expect(message.hasPrefix(#"t.json: error: unknown key "\u{1B}[31m\u{1B}[2J" at the top level"#))
  let long = Array(("{\"" + String(repeating: "k", count: 500) + "\":1}").utf8)
  #expect(readingOutcome(long).count < 150)
}
