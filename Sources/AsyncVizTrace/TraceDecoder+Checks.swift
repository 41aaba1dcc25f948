extension TraceDecoder {
  /// Checks what needs the whole file (every task an event names is in the
  /// table; spawns agree with it; the end is after the last event) and
  /// assembles the trace.
  mutating func finish() throws(TraceReadError) -> Trace {
    let tasks = self.tasks ?? []
    let count = UInt32(tasks.count)
    func known(_ id: TaskID) -> Bool { id.rawValue >= 1 && id.rawValue <= count }
    for (i, event) in events.enumerated() {
      var named: [TaskID] = []
      if let t = event.payload.task { named.append(t) }
      switch event.payload {
      case .spawn(_, let parent?): named.append(parent)
      case .wake(_, _, _, let from?): named.append(from)
      default: break
      }
      for id in named where !known(id) {
        throw TraceReadError(
          path: path, message: "the event names task \(id.rawValue), which is not in the task table", event: i
        )
      }
    }
    for (i, name) in spawnNames {
      guard case .spawn(let task, let parent) = events[i].payload else { continue }
      let record = tasks[task.index]
      guard record.name == name && record.parent == parent else {
        throw TraceReadError(
          path: path, message: "this spawn of task \(task.rawValue) does not match the task table", event: i)
      }
    }
    let end = self.end ?? nil
    if let end {
      if let id = end.stuckTasks.first(where: { !known($0) }) {
        throw TraceReadError(
          path: path, message: "\"end\" names task \(id.rawValue) as stuck, which is not in the task table")
      }
      if let last = events.last, end.steps < last.step || end.tUs < last.tUs {
        throw TraceReadError(
          path: path, message: "\"end\" comes before the last event (step or time is smaller)")
      }
    }
    guard let program else { throw TraceReadError(path: path, message: "the trace has no \"program\"") }
    return Trace(program: program, tasks: tasks, events: events, strings: interner.strings, end: end)
  }
}
