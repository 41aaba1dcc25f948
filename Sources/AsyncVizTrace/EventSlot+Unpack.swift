extension EventSlot {
  /// The payload `init(packing:)` packed (the slot must not be spilled).
  @inlinable
  func unpack() -> EventPayload {
    let task = TaskID(word)
    guard let kind = EventKind(rawValue: kind) else {
      // Only `init(packing:)` and `init(spilledAt:)` make slots; the log reads spilled ones itself.
      preconditionFailure("an event slot holds kind byte \(self.kind)")
    }
    switch kind {
    case .pollStart: return .pollStart(task: task)
    case .pollEnd:
      return .pollEnd(
        task: task, result: Self.vocabulary(small >> 4), line: Self.widen(wide),
        awaiting: Self.awaited(code: small)
      )
    case .schedule: return .schedule(task: task, cause: Self.vocabulary(small), position: Self.widen(wide))
    case .wake:
      let fd = small & 0x40 != 0 ? Self.widen(wide) : nil
      let from = small & 0x80 != 0 ? TaskID(UInt32(wide)) : nil
      return .wake(task: task, by: Self.vocabulary(small & 0x3F), fd: fd, fromTask: from)
    case .deferWake: return .deferWake(task: task)
    case .spawn: return .spawn(task: task, parent: small == 0 ? nil : TaskID(UInt32(wide)))
    case .complete: return .complete(task: task)
    case .register: return .register(task: task, fd: Self.widen(wide), interest: Self.vocabulary(small))
    case .deregister: return .deregister(fd: Int32(bitPattern: word))
    case .reactorWait: return .reactorWait(timeoutUs: small == 0 ? nil : Int64(word))
    case .reactorReady: return .reactorReady(fd: Int32(bitPattern: word), readiness: Self.vocabulary(small))
    case .timerFire: return .timerFire(task: task)
    case .wakerClone: return .wakerClone(task: task)
    case .wakerDrop: return .wakerDrop(task: task)
    case .taskDrop: return .taskDrop(task: task)
    case .output: return .output(task: task, text: StringID(Int32(small) << 16 | Int32(wide)))
    case .lint: return .lint(task: task, code: Self.vocabulary(small), detail: StringID(Int32(wide)))
    case .phase: return .phase(Self.vocabulary(small))
    case .microtaskQueue: return .microtaskQueue(task: task, job: Self.vocabulary(small))
    case .microtaskRun: return .microtaskRun(task: task, job: Self.vocabulary(small))
    case .immediateQueue: return .immediateQueue(task: task)
    case .immediateRun: return .immediateRun(task: task)
    case .callPush: return .callPush(task: task)
    case .callPop: return .callPop(task: task, line: Self.widen(wide), awaiting: Self.awaited(code: small))
    case .threadRun: return .threadRun(task: task, cpu: Self.widen(wide))
    case .threadReady: return .threadReady(task: task, cpu: Self.widen(wide))
    case .threadStop:
      return .threadStop(
        task: task, cpu: Int32(small >> 4), line: Self.widen(wide), awaiting: Self.awaited(code: small))
    case .goRunqPut: return .goRunqPut(task: task, p: Self.widen(wide), slot: Self.vocabulary(small))
    case .goExecute: return .goExecute(task: task, p: Self.widen(small), m: Self.widen(wide))
    case .goPark: return .goPark(task: task, line: Self.widen(wide), reason: Self.vocabulary(small))
    case .goSyscallExit: return .goSyscallExit(task: task, m: Self.widen(wide), p: Self.widen(small))
    case .goHandoff: return .goHandoff(p: Int32(bitPattern: word), m: Self.widen(wide))
    case .goPreempt: return .goPreempt(task: task, p: Self.widen(wide))
    case .goIdle: return .goIdle(p: Int32(bitPattern: word))
    default:
      // `init(packing:)` spills every other kind.
      preconditionFailure("\(kind.name) events are always spilled")
    }
  }
}
