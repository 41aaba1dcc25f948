import AsyncVizTrace
import AsyncVizTraceState

extension TraceDecoder {
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

  /// The payload of a checked event.
  func makePayload(_ v: EventValues) throws(TraceReadError) -> EventPayload {
    switch v.kind {
    case .spawn:
      return .spawn(task: v.task, parent: v.parent)
    case .schedule:
      return .schedule(task: v.task, cause: ScheduleCause(rawValue: v.word) ?? .spawn, position: v.position)
    case .pollStart:
      return .pollStart(task: v.task)
    case .pollEnd:
      return .pollEnd(
        task: v.task, result: PollResult(rawValue: v.word) ?? .pending, line: v.line ?? 0,
        awaiting: v.awaiting)
    case .complete:
      return .complete(task: v.task)
    case .register:
      return .register(task: v.task, fd: v.fd, interest: Interest(rawValue: v.word) ?? .read)
    case .deregister:
      return .deregister(fd: v.fd)
    case .reactorWait:
      return .reactorWait(timeoutUs: v.timeoutUs)
    case .reactorReady:
      return .reactorReady(fd: v.fd, readiness: Interest(rawValue: v.word) ?? .read)
    case .timerSet:
      return .timerSet(task: v.task, deadlineUs: v.deadlineUs, purpose: v.purpose)
    case .timerFire:
      return .timerFire(task: v.task)
    case .timerCancel:
      return .timerCancel(task: v.task, deadlineUs: v.deadlineUs)
    case .wake:
      let by = WakeSource(rawValue: v.word) ?? .own
      return .wake(
        task: v.task, by: by, fd: by == .reactor ? v.fd : nil,
        fromTask: by == .task ? v.fromTask : nil)
    case .wakerClone:
      return .wakerClone(task: v.task)
    case .wakerDrop:
      return .wakerDrop(task: v.task)
    case .ioSend:
      return .ioSend(task: v.task, fd: v.fd, resource: v.resource, op: v.op)
    case .output:
      return .output(task: v.task, text: v.text)
    case .block:
      return .block(task: v.task, durUs: v.durUs, line: v.line ?? 0)
    case .lint:
      return .lint(task: v.task, code: LintCode(rawValue: v.word) ?? .lostWaker, detail: v.message)
    case .deferWake:
      return .deferWake(task: v.task)
    case .taskDrop:
      return .taskDrop(task: v.task)
    case .futureMade:
      return .futureMade(task: v.task, line: v.line ?? 0, label: v.label)
    case .futurePolled:
      return .futurePolled(task: v.task, line: v.line ?? 0, label: v.label)
    case .phase:
      return .phase(LoopPhase(rawValue: v.word) ?? .timers)
    case .microtaskQueue:
      return .microtaskQueue(task: v.task, job: MicrotaskJob(rawValue: v.word) ?? .resume)
    case .microtaskRun:
      return .microtaskRun(task: v.task, job: MicrotaskJob(rawValue: v.word) ?? .resume)
    case .immediateQueue:
      return .immediateQueue(task: v.task)
    case .immediateRun:
      return .immediateRun(task: v.task)
    case .callPush:
      return .callPush(task: v.task)
    case .callPop:
      return .callPop(task: v.task, line: v.line ?? 0, awaiting: v.awaiting)
    case .threadRun:
      return .threadRun(task: v.task, cpu: v.cpu)
    case .threadReady:
      return .threadReady(task: v.task, cpu: v.cpu)
    case .threadStop:
      return .threadStop(task: v.task, cpu: v.cpu, line: v.line ?? 0, awaiting: v.awaiting)
    case .goRunqPut:
      return .goRunqPut(task: v.task, p: v.p, slot: GoRunSlot(rawValue: v.word) ?? .local)
    case .goExecute:
      return .goExecute(task: v.task, p: v.p, m: v.m)
    case .goPark:
      return .goPark(task: v.task, line: v.line ?? 0, reason: GoWaitReason(rawValue: v.word) ?? .sleep)
    case .goSyscall:
      return .goSyscall(task: v.task, m: v.m, durUs: v.durUs)
    case .goSyscallExit:
      return .goSyscallExit(task: v.task, m: v.m, p: v.p)
    case .goHandoff:
      return .goHandoff(p: v.p, m: v.m)
    case .goPreempt:
      return .goPreempt(task: v.task, p: v.p)
    case .goIdle:
      return .goIdle(p: v.p)
    }
  }
}
