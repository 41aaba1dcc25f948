import AsyncVizTrace
import AsyncVizTraceState

extension TraceDecoder {
  /// Checks what needs the whole file (every task an event names is in the
  /// table; spawns agree with it; the end is after the last event) and
  /// assembles the trace.
  mutating func finish() throws(TraceReadError) -> Trace {
    let tasks = self.tasks ?? []
    let count = UInt32(tasks.count)
    func known(_ id: TaskID) -> Bool { id.rawValue >= 1 && id.rawValue <= count }
    // The event's task first, then the spawn's parent or the waking task.
    func unknownTask(in payload: EventPayload) -> TaskID? {
      if let t = payload.task, !known(t) { return t }
      switch payload {
      case .spawn(_, let parent?) where !known(parent): return parent
      case .wake(_, _, _, let from?) where !known(from): return from
      default: return nil
      }
    }
    for (i, event) in events.enumerated() {
      if let id = unknownTask(in: event.payload) {
        throw TraceReadError(
          path: path, message: "the event names task \(id.rawValue), which is not in the task table", event: i
        )
      }
    }
    for (i, name) in spawnNames {
      guard case .spawn(let task, let parent) = events.payload(at: i) else { continue }
      let record = tasks[task.index]
      guard record.name == name && record.parent == parent else {
        throw TraceReadError(
          path: path, message: "this spawn of task \(task.rawValue) does not match the task table", event: i)
      }
    }
    if let first = tasks.first {
      guard case .spawn(first.id, nil)? = events.first?.payload else {
        throw TraceReadError(
          path: path, message: "the first event must be the spawn of the root task \(first.id.rawValue)",
          event: events.isEmpty ? nil : 0)
      }
    }
    let end = self.end ?? nil
    if let end { try check(end, tasks: tasks) }
    guard let program else { throw TraceReadError(path: path, message: "the trace has no \"program\"") }
    return Trace(program: program, tasks: tasks, events: events, strings: interner.strings, end: end)
  }

  /// `end` must tell the truth about the events: its step and time are the
  /// last event's (its time may be later: the clock can move after the last
  /// event), and its reason and stuck list match which tasks completed (a
  /// task dropped when main returned counts as ended).
  private func check(_ end: RunEnd, tasks: [TaskRecord]) throws(TraceReadError) {
    func fail(_ message: String) -> TraceReadError { TraceReadError(path: path, message: message) }
    let lastStep = events.last?.step ?? 0
    guard end.steps == lastStep else {
      throw fail("\"end\" says \(end.steps) steps, but the last event is in step \(lastStep)")
    }
    if let last = events.last, end.tUs < last.tUs {
      throw fail("\"end\" is at t_us \(end.tUs), before the last event (t_us \(last.tUs))")
    }
    let count = UInt32(tasks.count)
    if let id = end.stuckTasks.first(where: { $0.rawValue < 1 || $0.rawValue > count }) {
      throw fail("\"end\" names task \(id.rawValue) as stuck, which is not in the task table")
    }
    // Whether each task is over (done or dropped) after the last event.
    var over = [Bool](repeating: false, count: tasks.count)
    for event in events {
      if let (task, status) = TaskStatus.ending(event.payload) { over[task.index] = status.isOver }
    }
    let unfinished = tasks.filter { !over[$0.id.index] }.map(\.id)
    switch end.reason {
    case .completed:
      if let id = unfinished.first {
        throw fail("\"end\" says completed, but task \(id.rawValue) has no complete or task_drop event")
      }
    case .stuck, .error:
      if let id = end.stuckTasks.first(where: { over[$0.index] }) {
        throw fail("\"end\" names task \(id.rawValue) as stuck, but it completed")
      }
      guard end.reason == .stuck else { break }
      if let id = unfinished.first(where: { !end.stuckTasks.contains($0) }) {
        throw fail("\"end\" says stuck, but its list leaves out task \(id.rawValue), which never completed")
      }
      if unfinished.isEmpty { throw fail("\"end\" says stuck, but every task completed") }
    case .maxSteps:
      break
    }
    if end.reason != .stuck && end.reason != .error && !end.stuckTasks.isEmpty {
      throw fail("\"end\" lists stuck tasks, but its reason is not \"stuck\" or \"error\"")
    }
  }
}
