/// Where narration text goes: a `String` for `note(for:in:)`, or straight into
/// the JSON writer's byte buffer (escaped), so that writing a million notes
/// allocates no intermediate strings.
package protocol NoteSink: ~Copyable {
  /// Fixed wording of the narration (UTF-8, written as is by text sinks).
  mutating func text(_ s: StaticString)
  /// Text that comes from the program or the trace (names, output, messages).
  mutating func string(_ s: String)
  /// A decimal integer.
  mutating func number(_ n: Int64)
  /// Whether the note is wanted in its short form: one line with the
  /// essential fact, for the narration pane (the full sentences are the
  /// default, and what traces and transcripts hold).
  var brief: Bool { get }
}

extension NoteSink where Self: ~Copyable {
  /// Full sentences unless a sink asks for the short form.
  package var brief: Bool { false }

  /// "#2 handler": a task as notes name it (see `Trace.label`).
  package mutating func label(_ id: TaskID, in trace: Trace) {
    text("#")
    number(Int64(id.rawValue))
    if let record = trace.task(id) {
      text(" ")
      string(record.name)
    }
  }

  /// "#2 handler sends its db.query": a task, what it does, and the
  /// resource call it does it with (every model's request note starts so).
  package mutating func request(
    by task: TaskID, _ verb: StaticString, _ resource: StringID, _ op: StringID, in trace: Trace
  ) {
    label(task, in: trace)
    text(verb)
    string(trace.string(resource))
    text(".")
    string(trace.string(op))
  }

  /// "#2 handler sends its db.query request on a new socket, fd 7, at once":
  /// the node and threads notes of a request sent on a connection of the
  /// task's own, its fd after `connection`, then what the send does.
  package mutating func request(
    by task: TaskID, _ verb: StaticString, _ resource: StringID, _ op: StringID, on connection: StaticString,
    fd: Int32, then: StaticString, in trace: Trace
  ) {
    request(by: task, verb, resource, op, in: trace)
    text(" request on ")
    text(connection)
    number(Int64(fd))
    text(then)
  }

  /// "#2 handler makes a blocking call for 40 ms": how the rust, node and
  /// threads notes of `block` begin (each goes on with what the call stops).
  package mutating func blockingCall(by task: TaskID, for us: Int64, in trace: Trace) {
    label(task, in: trace)
    text(" makes a blocking call for ")
    duration(us)
  }

  /// `before`, the task, then `brief` or `full` as the sink asks: the shape
  /// of the notes about one task's waker or end.
  package mutating func about(
    _ task: TaskID, after before: StaticString, brief short: StaticString, full: StaticString, in trace: Trace
  ) {
    text(before)
    label(task, in: trace)
    text(brief ? short : full)
  }

  /// "40 ms", "1.500 ms", "200 us" (see `DurationText.duration`).
  package mutating func duration(_ us: Int64) {
    if us < 0 {
      text("-")
      duration(us == Int64.min ? Int64.max : -us)
      return
    }
    if us % 1000 == 0 {
      number(us / 1000)
      text(" ms")
    } else if us < 1000 {
      number(us)
      text(" us")
    } else {
      millis(us)
    }
  }

  /// "40.000 ms" (see `DurationText.instant`).
  package mutating func instant(_ us: Int64) {
    if us < 0 {
      text("-")
      instant(us == Int64.min ? Int64.max : -us)
      return
    }
    millis(us)
  }

  /// Milliseconds with exactly three decimals.
  private mutating func millis(_ us: Int64) {
    number(us / 1000)
    text(".")
    let frac = us % 1000
    if frac < 100 { text("0") }
    if frac < 10 { text("0") }
    number(frac)
    text(" ms")
  }
}

/// Collects narration into a `String`.
package struct StringNoteSink: NoteSink {
  /// The text so far.
  package var result = ""
  /// Whether notes write their short forms.
  package let brief: Bool

  /// A sink for full notes, or for short forms when `brief`.
  package init(brief: Bool = false) { self.brief = brief }

  package mutating func text(_ s: StaticString) {
    s.withUTF8Buffer { result += String(decoding: $0, as: UTF8.self) }
  }

  package mutating func string(_ s: String) { result += s }

  package mutating func number(_ n: Int64) { result += String(n) }
}
