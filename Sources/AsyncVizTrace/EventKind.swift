/// The event kinds, in the order of `EventPayload`'s cases.
package enum EventKind: UInt8, CaseIterable {
  case spawn, schedule, pollStart, pollEnd, complete, register, deregister, reactorWait, reactorReady
  case timerSet, timerFire, timerCancel, wake, wakerClone, wakerDrop, ioSend, output, block, lint
  case deferWake, taskDrop

  /// The kind's name in traces.
  package var name: StaticString {
    switch self {
    case .spawn: "spawn"
    case .schedule: "schedule"
    case .pollStart: "poll_start"
    case .pollEnd: "poll_end"
    case .complete: "complete"
    case .register: "register"
    case .deregister: "deregister"
    case .reactorWait: "reactor_wait"
    case .reactorReady: "reactor_ready"
    case .timerSet: "timer_set"
    case .timerFire: "timer_fire"
    case .timerCancel: "timer_cancel"
    case .wake: "wake"
    case .wakerClone: "waker_clone"
    case .wakerDrop: "waker_drop"
    case .ioSend: "io_send"
    case .output: "output"
    case .block: "block"
    case .lint: "lint"
    case .deferWake: "defer"
    case .taskDrop: "task_drop"
    }
  }
}
