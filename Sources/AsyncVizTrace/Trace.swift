/// A task as listed in a trace's `tasks` table.
///
/// 24 bytes: the parent is stored as its raw id, 0 for none (0 never names
/// a task), where a `TaskID?` beside the id made the record 32. A runtime
/// keeps one per task even with tracing off, so 100,000 spawned tasks touch
/// about 200 fewer pages (each a page fault).
public struct TaskRecord: Sendable, Equatable {
  /// The async fn (or native future) the task runs, e.g. "handler".
  public var name: String
  /// The task's id; equals its position in the table plus one.
  public var id: TaskID
  /// The parent's raw id, 0 for the root task.
  private var parentRaw: UInt32

  /// The task that spawned it; nil for the root task.
  public var parent: TaskID? {
    get { parentRaw == 0 ? nil : TaskID(parentRaw) }
    set { parentRaw = newValue?.rawValue ?? 0 }
  }

  /// Makes a record.
  public init(id: TaskID, name: String, parent: TaskID?) {
    precondition(parent?.rawValue != 0, "task 0 names no task")
    self.id = id
    self.name = name
    self.parentRaw = parent?.rawValue ?? 0
  }
}

/// The program a trace was recorded from.
public struct ProgramInfo: Sendable, Equatable {
  /// Demo name or file name, e.g. "db-then-service".
  public var name: String
  /// The full .av source; empty for native workloads.
  public var source: String
  /// The reactor that ran it.
  public var backend: BackendKind
  /// Whose scheduling rules ran it (`program.model`; version-1 traces are rust's).
  public var model: RuntimeModel

  /// Makes the description.
  public init(name: String, source: String, backend: BackendKind, model: RuntimeModel = .rust) {
    self.name = name
    self.source = source
    self.backend = backend
    self.model = model
  }
}

/// How and when a run ended.
public struct RunEnd: Sendable, Equatable {
  /// Why it ended.
  public var reason: EndReason
  /// The number of user steps taken (the last event's step).
  public var steps: UInt32
  /// The time of the end, in the trace's clock.
  public var tUs: Int64
  /// The tasks that can never be woken (reason `stuck`), in id order.
  public var stuckTasks: [TaskID]

  /// Describes an end.
  public init(reason: EndReason, steps: UInt32, tUs: Int64, stuckTasks: [TaskID] = []) {
    self.reason = reason
    self.steps = steps
    self.tUs = tUs
    self.stuckTasks = stuckTasks
  }
}

/// A complete (or, while a run is live, growing) trace: what the JSON file holds.
public struct Trace: Sendable, Equatable {
  /// The format version written (2 adds `program.model`).
  public static let version = 2
  /// The versions read: a version-1 file is a rust-model trace.
  public static let readableVersions: ClosedRange<Int64> = 1...2

  /// The program that was run.
  public var program: ProgramInfo
  /// Every task, indexed by `TaskID.index`.
  public var tasks: [TaskRecord]
  /// Every event; an event's index is its `seq`. Steps and times never decrease.
  public var events: EventLog
  /// Interned strings; index 0 is "".
  public var strings: [String]
  /// nil while the run is still going.
  public var end: RunEnd?

  /// Makes a trace.
  public init(
    program: ProgramInfo, tasks: [TaskRecord] = [], events: EventLog = [],
    strings: [String] = [""], end: RunEnd? = nil
  ) {
    self.program = program
    self.tasks = tasks
    self.events = events
    self.strings = strings
    self.end = end
  }

  /// The string behind an interned id ("" for an id outside the table).
  @inlinable
  public func string(_ id: StringID) -> String {
    let i = Int(id.rawValue)
    return i >= 0 && i < strings.count ? strings[i] : ""
  }

  /// The record of a task, if the id is in the table.
  @inlinable
  public func task(_ id: TaskID) -> TaskRecord? {
    let i = id.index
    return i >= 0 && i < tasks.count ? tasks[i] : nil
  }

  /// "#2 handler", the way notes and panels name a task.
  public func label(_ id: TaskID) -> String {
    guard let record = task(id) else { return "#\(id.rawValue)" }
    return "#\(id.rawValue) \(record.name)"
  }

  /// Brings this copy up to date with `source`, a later version of the same
  /// trace (a live run's): appends only the tasks, strings and events added
  /// since, so a growing trace is never copied whole.
  public mutating func catchUp(with source: Trace) {
    program = source.program
    if tasks.count < source.tasks.count { tasks.append(contentsOf: source.tasks[tasks.count...]) }
    if strings.count < source.strings.count { strings.append(contentsOf: source.strings[strings.count...]) }
    if events.count < source.events.count {
      events.append(contentsOf: source.events.makeIterator(from: events.count).sequence)
    }
    end = source.end
  }

  /// The number of user steps recorded so far.
  public var stepCount: UInt32 { end?.steps ?? events.last?.step ?? 0 }
}
