extension TraceDecoder {
  /// The payload of a checked event.
  func makePayload(_ v: EventValues) throws(TraceReadError) -> EventPayload {
    let task = TaskID(UInt32(truncatingIfNeeded: v.task))
    let fd = Int32(truncatingIfNeeded: v.fd)
    switch v.kind {
    case .spawn:
      return .spawn(task: task, parent: v.parent.map { TaskID(UInt32(truncatingIfNeeded: $0)) })
    case .schedule:
      return .schedule(
        task: task, cause: ScheduleCause(rawValue: v.word) ?? .spawn,
        position: Int32(truncatingIfNeeded: v.position))
    case .pollStart:
      return .pollStart(task: task)
    case .pollEnd:
      return .pollEnd(
        task: task, result: PollResult(rawValue: v.word) ?? .pending,
        line: Int32(truncatingIfNeeded: v.line ?? 0),
        awaiting: v.awaiting)
    case .complete:
      return .complete(task: task)
    case .register:
      return .register(task: task, fd: fd, interest: Interest(rawValue: v.word) ?? .read)
    case .deregister:
      return .deregister(fd: fd)
    case .reactorWait:
      return .reactorWait(timeoutUs: v.timeoutUs)
    case .reactorReady:
      return .reactorReady(fd: fd, readiness: Interest(rawValue: v.word) ?? .read)
    case .timerSet:
      return .timerSet(task: task, deadlineUs: v.deadlineUs)
    case .timerFire:
      return .timerFire(task: task)
    case .timerCancel:
      return .timerCancel(task: task, deadlineUs: v.deadlineUs)
    case .wake:
      let by = WakeSource(rawValue: v.word) ?? .own
      return .wake(
        task: task, by: by, fd: by == .reactor ? fd : nil,
        fromTask: by == .task ? TaskID(UInt32(truncatingIfNeeded: v.fromTask)) : nil)
    case .wakerClone:
      return .wakerClone(task: task)
    case .wakerDrop:
      return .wakerDrop(task: task)
    case .ioSend:
      return .ioSend(task: task, fd: fd, resource: v.resource, op: v.op)
    case .output:
      return .output(task: task, text: v.text)
    case .block:
      return .block(task: task, durUs: v.durUs)
    case .lint:
      return .lint(task: task, code: LintCode(rawValue: v.word) ?? .lostWaker, detail: v.message)
    case .deferWake:
      return .deferWake(task: task)
    case .taskDrop:
      return .taskDrop(task: task)
    }
  }

  /// Checks the event's place in the sequence and appends it.
  mutating func appendEvent(_ v: EventValues, _ payload: EventPayload, at start: Int64) throws(TraceReadError)
  {
    let index = events.count
    guard v.seq == Int64(index) else {
      throw fail(
        "\"seq\" is \(v.seq) but this is event \(index): events are out of order or missing", at: start)
    }
    if let previous = events.last {
      if v.step < Int64(previous.step) {
        throw fail("\"step\" goes back from \(previous.step) to \(v.step)", at: start)
      }
      if v.tUs < previous.tUs {
        throw fail("\"t_us\" goes back from \(previous.tUs) to \(v.tUs)", at: start)
      }
    }
    if v.kind == .spawn { spawnNames.append((index, v.name)) }
    if events.count == events.capacity { growEvents() }
    events.append(TraceEvent(step: UInt32(truncatingIfNeeded: v.step), tUs: v.tUs, payload: payload))
  }

  /// Makes room for more events. With the file's size known, the room is
  /// projected from the bytes per event so far (plus 2%), so that the array
  /// is reallocated about once and ends near its final size: memory stays
  /// near the size of the decoded events instead of doubling past it.
  @inline(never)
  mutating func growEvents() {
    let count = events.count
    var target = max(1024, count * 2)
    if let size = window.fileSize, count >= 256, window.offset > 0 {
      let projected = Double(count) * Double(size) / Double(window.offset) * 1.02
      if projected > Double(count) && projected < Double(Int32.max) {
        target = max(count + 1024, Int(projected))
      }
    }
    events.reserveCapacity(target)
  }
}
