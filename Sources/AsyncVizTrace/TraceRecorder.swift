/// The runtime's append-only event sink.
///
/// Kept a plain struct so that the executor reaches it through its own storage
/// without reference counting or exclusivity checks on a class. When tracing is
/// off nothing is appended, but counters the lints need are kept by the runtime,
/// not here.
public struct TraceRecorder: Sendable {
  /// Whether events are appended; tasks and strings are always recorded.
  public var enabled: Bool
  /// The trace under construction.
  public var trace: Trace
  /// The current user step, stamped on every appended event.
  public var step: UInt32 = 0
  /// Reverse index of `trace.strings`; always the same size as the table.
  private var stringIndex: [String: Int32] = ["": 0]

  /// Starts an empty trace of `program`.
  public init(program: ProgramInfo, enabled: Bool = true) {
    self.enabled = enabled
    self.trace = Trace(program: program)
  }

  /// Appends an event at time `tUs` in the current step.
  @inline(__always) @inlinable
  public mutating func record(_ payload: EventPayload, at tUs: Int64) {
    if enabled {
      trace.events.append(TraceEvent(step: step, tUs: tUs, payload: payload))
    }
  }

  /// The id of `text` in the string table, adding it if new.
  public mutating func intern(_ text: String) -> StringID {
    if let id = stringIndex[text] { return StringID(id) }
    let id = Int32(trace.strings.count)
    trace.strings.append(text)
    stringIndex[text] = id
    return StringID(id)
  }

  /// Adds a task to the table and returns its id.
  public mutating func addTask(name: String, parent: TaskID?) -> TaskID {
    let id = TaskID(UInt32(trace.tasks.count + 1))
    trace.tasks.append(TaskRecord(id: id, name: name, parent: parent))
    return id
  }

  /// Reserves room for `count` more task records.
  public mutating func reserve(tasks count: Int) {
    trace.tasks.reserveCapacity(trace.tasks.count + count)
  }

  /// Reserves room for `count` more events, to keep appends off the allocator.
  public mutating func reserve(events count: Int) {
    trace.events.reserveCapacity(trace.events.count + count)
  }
}
