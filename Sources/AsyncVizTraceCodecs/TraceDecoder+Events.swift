import AsyncVizTrace
import AsyncVizTraceState

/// The values of one event object, as they are read (keys in any order).
struct EventValues {
  /// Bits of the fields seen (`EventField.bit`).
  var seen: UInt64 = 0
  var seq: Int64 = 0
  var step: Int64 = 0
  var tUs: Int64 = 0
  var kind = EventKind.spawn
  var task = TaskID(0)
  /// `parent`, `line`, `timeout_us`: nil for `null`.
  var parent: TaskID?
  var line: Int32?
  var timeoutUs: Int64?
  var position: Int32 = 0
  /// `cpu` of a threads-model event.
  var cpu: Int32 = 0
  var fd: Int32 = 0
  var deadlineUs: Int64 = 0
  var fromTask = TaskID(0)
  var durUs: Int64 = 0
  /// A P's and an M's index (-1: none).
  var p: Int32 = 0
  var m: Int32 = 0
  /// Raw value of the case a word field named (cause, result, interest/readiness, by, code).
  var word: UInt8 = 0
  /// A node or go `timer_set`'s purpose (nil: none written, as before the field).
  var purpose: TimerPurpose?
  var awaiting = Awaited.nothing
  var resource = StringID.empty
  var op = StringID.empty
  var text = StringID.empty
  var message = StringID.empty
  var label = StringID.empty
  var name = ""
}

extension TraceDecoder {
  /// Decodes `{ ... }` into the next event.
  mutating func decodeEvent() throws(TraceReadError) {
    let start = try openObject("'{' starting an event")
    var v = EventValues()
    var first = true
    while let key = try nextKey(&first) {
      guard let field = EventField.named(key) else {
        throw fail("unknown key \(TraceDecoder.quote(key)) in an event")
      }
      if v.seen & field.bit != 0 { throw fail("the key \"\(field.key)\" appears twice") }
      v.seen |= field.bit
      try decodeValue(field, into: &v)
    }
    try checkFields(v, at: start)
    let payload = try makePayload(v)
    if case .ioSend(_, _, let resource, let op) = payload { resourceOps.insert(Self.pairKey(resource, op)) }
    try appendEvent(v, payload, at: start)
  }

  /// Reads the value of one key.
  private mutating func decodeValue(_ field: EventField, into v: inout EventValues) throws(TraceReadError) {
    switch field {
    case .seq: v.seq = try integer("seq", in: 0...Int64.max)
    case .step: v.step = try integer("step", in: 0...Int64(UInt32.max))
    case .tUs: v.tUs = try integer("t_us", in: 0...Int64.max)
    case .kind:
      let at = window.offset
      let bytes = try string("kind")
      guard let kind = EventKind.named(bytes) else {
        throw fail("unknown event kind \(TraceDecoder.quote(bytes))", at: at)
      }
      v.kind = kind
    case .task: v.task = try taskID("task")
    case .parent: v.parent = try null() ? nil : try taskID("parent")
    case .fromTask: v.fromTask = try taskID("from_task")
    case .name: v.name = String(decoding: try string("name"), as: UTF8.self)
    case .position: v.position = try int32("position", from: 0)
    case .cpu: v.cpu = try int32("cpu", from: 0)
    case .line: v.line = try null() ? nil : try int32("line", from: 1)
    case .fd: v.fd = try int32("fd", from: 0)
    case .timeoutUs: v.timeoutUs = try null() ? nil : try integer("timeout_us", in: 0...Int64.max)
    case .deadlineUs: v.deadlineUs = try integer("deadline_us", in: 0...Int64.max)
    case .durUs: v.durUs = try integer("dur_us", in: 0...Int64.max)
    case .cause: v.word = try word("cause", ScheduleCause.self)
    case .result: v.word = try word("result", PollResult.self)
    case .interest: v.word = try word("interest", Interest.self)
    case .readiness: v.word = try word("readiness", Interest.self)
    case .by: v.word = try word("by", WakeSource.self)
    case .code: v.word = try word("code", LintCode.self)
    case .phase: v.word = try word("phase", LoopPhase.self)
    case .job: v.word = try word("job", MicrotaskJob.self)
    case .slot: v.word = try word("slot", GoRunSlot.self)
    case .reason: v.word = try word("reason", GoWaitReason.self)
    case .purpose: v.purpose = TimerPurpose(rawValue: try word("purpose", TimerPurpose.self))
    case .p: v.p = try int32("p", from: -1)
    case .m: v.m = try int32("m", from: -1)
    case .awaiting:
      if !(try null()) { v.awaiting = awaited(try string("awaiting")) }
    case .resource: v.resource = interner.intern(try string("resource"))
    case .op: v.op = interner.intern(try string("op"))
    case .text: v.text = interner.intern(try string("text"))
    case .message: v.message = interner.intern(try string("message"))
    case .label: v.label = interner.intern(try string("label"))
    case .note: _ = try string("note")
    }
  }

  /// A task id (1 to 2^32 - 1); whether the task exists is checked at the end.
  @inline(__always)
  private mutating func taskID(_ field: StaticString) throws(TraceReadError) -> TaskID {
    // In range, so the narrowing keeps the value.
    TaskID(UInt32(truncatingIfNeeded: try integer(field, in: 1...Int64(UInt32.max))))
  }

  /// An integer from `lowest` to `Int32.max`, as the payloads hold it (a line, an fd, a CPU, a P or an M).
  @inline(__always)
  private mutating func int32(_ field: StaticString, from lowest: Int32) throws(TraceReadError) -> Int32 {
    // In range, so the narrowing keeps the value.
    Int32(truncatingIfNeeded: try integer(field, in: Int64(lowest)...Int64(Int32.max)))
  }

  /// A string that must be the word of a case of `vocabulary`; returns the case's raw value.
  private mutating func word<W: TraceWord>(_ field: StaticString, _ vocabulary: W.Type) throws(TraceReadError)
    -> UInt8
  {
    let at = window.offset
    let bytes = try string(field)
    for w in W.allCases where bytesEqual(bytes, w.word) { return w.rawValue }
    let allowed = W.allCases.map { "\"\($0.word)\"" }.joined(separator: ", ")
    throw fail(
      "\"\(field)\" must be one of \(allowed), found \(TraceDecoder.quote(bytes))", at: at)
  }

  /// Every required key present, no key of another kind.
  private func checkFields(_ v: EventValues, at start: Int64) throws(TraceReadError) {
    guard v.seen & EventField.kind.bit != 0 else { throw fail("an event without \"kind\"", at: start) }
    var required = EventKind.requiredMasks[Int(v.kind.rawValue)]
    if v.kind == .wake {
      // The wake's source decides its extra key.
      let by = v.seen & EventField.by.bit != 0 ? WakeSource(rawValue: v.word) : nil
      if by == .reactor { required |= EventField.fd.bit }
      if by == .task { required |= EventField.fromTask.bit }
    }
    let missing = required & ~v.seen
    if missing != 0, let field = EventField.allCases.first(where: { missing & $0.bit != 0 }) {
      throw fail("\(v.kind.article) \(v.kind.name) event needs \"\(field.key)\"", at: start)
    }
    // A block's source line and a node or go timer's purpose are optional: traces
    // written before they were recorded have none (and the rust and threads models' timers none).
    let optional: UInt64 =
      switch v.kind {
      case .block: EventField.line.bit
      case .timerSet: EventField.purpose.bit
      default: 0
      }
    let extra = v.seen & ~required & ~optional
    if extra != 0, let field = EventField.allCases.first(where: { extra & $0.bit != 0 }) {
      let what = v.kind == .wake ? "this wake event" : "\(v.kind.article) \(v.kind.name) event"
      throw fail("\"\(field.key)\" does not belong in \(what)", at: start)
    }
  }
}
