import AsyncVizTrace
import AsyncVizTraceState

/// The file's structure around the events: the top-level object, `program`,
/// `tasks` and `end`.
extension TraceDecoder {
  /// The whole file.
  mutating func decodeTrace() throws(TraceReadError) -> Trace {
    try openDocument()
    _ = try decodeMembers(pausingAtEvents: false)
    return try closeDocument()
  }

  /// The opening brace of the top-level object.
  mutating func openDocument() throws(TraceReadError) {
    guard let b = try peekOrEnd() else {
      throw TraceReadError(
        path: path, message: window.offset == 0 ? "the file is empty" : "the file holds only blank space")
    }
    guard b == UInt8(ascii: "{") else {
      throw fail(
        "not an asyncviz trace: it does not start with a JSON object (found \(TraceDecoder.describe(byte: b)))"
      )
    }
    window.pos += 1
  }

  /// Reads the top level's members up to its closing brace. With
  /// `pausingAtEvents` (a reader that shows the first events before the
  /// rest are read), stops just inside the "events" array when "program"
  /// and "tasks" came before it, and returns true: `decodeEventSlice` reads
  /// the events, then this is called again for the members after them.
  mutating func decodeMembers(pausingAtEvents: Bool) throws(TraceReadError) -> Bool {
    // A local copy: `self` is busy during `nextKey`.
    var first = top.first
    defer { top.first = first }
    while let key = try nextKey(&first, after: top.unknownKey) {
      if bytesEqual(key, "traceEvents") || bytesEqual(key, "displayTimeUnit") {
        throw fail("this is a Chrome trace (for Perfetto), not an asyncviz trace")
      }
      if let problem = top.unknownKey {
        // The file is already refused: only look for a Chrome key.
        do { try skipValue() } catch { throw problem }
      } else if bytesEqual(key, "format") {
        if top.sawFormat { throw twice("format") }
        top.sawFormat = true
        try decodeFormat()
      } else if bytesEqual(key, "version") {
        if top.sawVersion { throw twice("version") }
        top.sawVersion = true
        let at = window.offset
        let version = try integer("version")
        guard Trace.readableVersions.contains(version) else {
          throw fail(
            "unsupported trace version \(version) (this asyncviz reads versions "
              + "\(Trace.readableVersions.lowerBound) to \(Trace.readableVersions.upperBound))", at: at)
        }
      } else if bytesEqual(key, "program") {
        guard program == nil else { throw fail("the key \"program\" appears twice") }
        program = try decodeProgram()
      } else if bytesEqual(key, "tasks") {
        guard tasks == nil else { throw fail("the key \"tasks\" appears twice") }
        tasks = try decodeTasks()
      } else if bytesEqual(key, "events") {
        if sawEvents { throw twice("events") }
        sawEvents = true
        try expect(UInt8(ascii: "["), "'[' starting \"events\"")
        if pausingAtEvents && top.unknownKey == nil && program != nil && tasks != nil { return true }
        _ = try decodeEventSlice(max: Int.max)
      } else if bytesEqual(key, "end") {
        guard end == nil else { throw fail("the key \"end\" appears twice") }
        end = .some(try null() ? nil : try decodeEnd())
      } else {
        // Reported after the object, unless a Chrome key turns up first; a
        // broken file after it is a later problem, so the key is named.
        let problem = fail("unknown key \(TraceDecoder.quote(key)) at the top level")
        top.unknownKey = problem
        do { try skipValue() } catch { throw problem }
      }
    }
    return false
  }

  /// After the top level's closing brace: nothing else in the file, every
  /// key there, and the checks that need the whole file.
  mutating func closeDocument() throws(TraceReadError) -> Trace {
    if let unknownKey = top.unknownKey { throw unknownKey }
    if let extra = try peekOrEnd() {
      throw fail("unexpected \(TraceDecoder.describe(byte: extra)) after the end of the trace")
    }
    guard top.sawFormat else {
      throw TraceReadError(path: path, message: "not an asyncviz trace: no \"format\" key")
    }
    for (seen, key) in [
      (top.sawVersion, "version"), (program != nil, "program"), (tasks != nil, "tasks"),
      (sawEvents, "events"), (end != nil, "end"),
    ] where !seen {
      throw TraceReadError(path: path, message: "the trace has no \"\(key)\"")
    }
    return try finish()
  }

  /// `nextKey`, but once `problem` is known any later syntax error reports it instead.
  private mutating func nextKey(_ first: inout Bool, after problem: TraceReadError?) throws(TraceReadError)
    -> UnsafeBufferPointer<UInt8>?
  {
    guard let problem else { return try nextKey(&first) }
    do { return try nextKey(&first) } catch { throw problem }
  }

  /// The error of a second occurrence of a top-level key.
  private func twice(_ key: StaticString) -> TraceReadError {
    fail("the key \"\(key)\" appears twice")
  }

  private mutating func decodeFormat() throws(TraceReadError) {
    let at = window.offset
    let format = try string("format")
    guard bytesEqual(format, "asyncviz-trace") else {
      throw fail(
        "not an asyncviz trace: \"format\" is \(TraceDecoder.quote(format)), not \"asyncviz-trace\"", at: at)
    }
  }

  private mutating func decodeProgram() throws(TraceReadError) -> ProgramInfo {
    let start = try openObject("'{' starting \"program\"")
    var name: String?
    var source: String?
    var backend: BackendKind?
    // Version 2 names the model; a version-1 trace is the rust model's.
    var model: RuntimeModel?
    var first = true
    while let key = try nextKey(&first) {
      if bytesEqual(key, "name") && name == nil {
        name = String(decoding: try string("name"), as: UTF8.self)
      } else if bytesEqual(key, "source") && source == nil {
        source = String(decoding: try string("source"), as: UTF8.self)
      } else if bytesEqual(key, "backend") && backend == nil {
        let at = window.offset
        let word = try string("backend")
        guard let kind = BackendKind(rawValue: String(decoding: word, as: UTF8.self)) else {
          throw fail(
            "\"backend\" must be \"sim\" or \"epoll\", found \(TraceDecoder.quote(word))",
            at: at)
        }
        backend = kind
      } else if bytesEqual(key, "model") && model == nil {
        let at = window.offset
        let word = try string("model")
        guard let kind = RuntimeModel(rawValue: String(decoding: word, as: UTF8.self)) else {
          let known = RuntimeModel.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
          throw fail("\"model\" must be one of \(known), found \(TraceDecoder.quote(word))", at: at)
        }
        model = kind
      } else {
        throw fail("unexpected key \(TraceDecoder.quote(key)) in \"program\"")
      }
    }
    guard let name, let source, let backend else {
      throw fail("\"program\" needs \"name\", \"source\" and \"backend\"", at: start)
    }
    return ProgramInfo(name: name, source: source, backend: backend, model: model ?? .rust)
  }

  private mutating func decodeTasks() throws(TraceReadError) -> [TaskRecord] {
    try expect(UInt8(ascii: "["), "'[' starting \"tasks\"")
    var list: [TaskRecord] = []
    var first = true
    while try nextElement(&first) {
      let start = try openObject("'{' starting a task")
      var id: Int64?
      var name: String?
      var parent: Int64??
      var inner = true
      while let key = try nextKey(&inner) {
        if bytesEqual(key, "id") && id == nil {
          id = try integer("id", in: 1...Int64(UInt32.max))
        } else if bytesEqual(key, "name") && name == nil {
          name = String(decoding: try string("name"), as: UTF8.self)
        } else if bytesEqual(key, "parent") && parent == nil {
          parent = .some(try null() ? nil : try integer("parent", in: 1...Int64(UInt32.max)))
        } else {
          throw fail("unexpected key \(TraceDecoder.quote(key)) in a task")
        }
      }
      guard let id, let name, let parent else {
        throw fail("a task needs \"id\", \"name\" and \"parent\"", at: start)
      }
      guard id == Int64(list.count + 1) else {
        throw fail(
          "task ids must be 1, 2, 3... in order; found \(id) at position \(list.count + 1)", at: start)
      }
      if let parent, parent >= id {
        throw fail(
          "task \(id) names task \(parent) as its parent, which was not spawned before it", at: start)
      }
      list.append(TaskRecord(id: TaskID(UInt32(id)), name: name, parent: parent.map { TaskID(UInt32($0)) }))
    }
    return list
  }

  /// Decodes up to `count` more events of the "events" array (its '[' read);
  /// true once its closing ']' is read.
  mutating func decodeEventSlice(max count: Int) throws(TraceReadError) -> Bool {
    // A problem between two events names the one before, as in one pass.
    eventIndex = events.isEmpty ? nil : events.count - 1
    var first = top.firstEvent
    defer { top.firstEvent = first }
    var n = 0
    while n < count {
      guard try nextElement(&first) else {
        eventIndex = nil
        return true
      }
      eventIndex = events.count
      try decodeEvent()
      n += 1
    }
    eventIndex = nil
    return false
  }

  private mutating func decodeEnd() throws(TraceReadError) -> RunEnd {
    let start = try openObject("'{' starting \"end\"")
    var reason: EndReason?
    var steps: Int64?
    var tUs: Int64?
    var stuck: [TaskID]?
    var first = true
    while let key = try nextKey(&first) {
      if bytesEqual(key, "reason") && reason == nil {
        let at = window.offset
        let word = try string("reason")
        guard let r = EndReason.allCases.first(where: { bytesEqual(word, $0.word) }) else {
          throw fail(
            "\"reason\" must be \"completed\", \"stuck\", \"max-steps\" or \"error\", found \(TraceDecoder.quote(word))",
            at: at)
        }
        reason = r
      } else if bytesEqual(key, "steps") && steps == nil {
        steps = try integer("steps", in: 0...Int64(UInt32.max))
      } else if bytesEqual(key, "t_us") && tUs == nil {
        tUs = try integer("t_us", in: 0...Int64.max)
      } else if bytesEqual(key, "stuck") && stuck == nil {
        try expect(UInt8(ascii: "["), "'[' starting \"stuck\"")
        var ids: [TaskID] = []
        var inner = true
        while try nextElement(&inner) {
          ids.append(TaskID(UInt32(try integer("stuck", in: 1...Int64(UInt32.max)))))
        }
        stuck = ids
      } else {
        throw fail("unexpected key \(TraceDecoder.quote(key)) in \"end\"")
      }
    }
    guard let reason, let steps, let tUs, let stuck else {
      throw fail("\"end\" needs \"reason\", \"steps\", \"t_us\" and \"stuck\"", at: start)
    }
    return RunEnd(reason: reason, steps: UInt32(steps), tUs: tUs, stuckTasks: stuck)
  }
}
