extension EventSlot {
  /// `payload` packed, or nil when a field does not fit (it is then spilled).
  /// The kinds a runtime records most (a poll's start and end, a wake, a
  /// schedule, a defer) always pack unless a number is out of range.
  /// Always inlined: at a recording site the payload's case is known, and
  /// the switch folds away.
  @inline(__always) @inlinable
  init?(packing payload: EventPayload) {
    switch payload {
    case .pollStart(let t): self.init(kind: .pollStart, word: t.rawValue)
    case .pollEnd(let t, let result, let line, let awaiting):
      guard let code = Self.code(of: awaiting), let line = Self.narrow16(line) else { return nil }
      self.init(kind: .pollEnd, small: result.rawValue << 4 | code, wide: line, word: t.rawValue)
    case .schedule(let t, let cause, let position):
      guard let position = Self.narrow16(position) else { return nil }
      self.init(kind: .schedule, small: cause.rawValue, wide: position, word: t.rawValue)
    case .wake(let t, let by, let fd, let from):
      // Flags say which of the two optional fields is in `wide`; both is rare (spilled).
      switch (fd, from) {
      case (nil, nil): self.init(kind: .wake, small: by.rawValue, word: t.rawValue)
      case (let fd?, nil):
        guard let fd = Self.narrow16(fd) else { return nil }
        self.init(kind: .wake, small: by.rawValue | 0x40, wide: fd, word: t.rawValue)
      case (nil, let from?):
        guard from.rawValue < 0xFFFF else { return nil }
        self.init(kind: .wake, small: by.rawValue | 0x80, wide: UInt16(from.rawValue), word: t.rawValue)
      case (.some, .some): return nil
      }
    case .deferWake(let t): self.init(kind: .deferWake, word: t.rawValue)
    case .spawn(let t, let parent):
      guard let parent else {
        self.init(kind: .spawn, word: t.rawValue)
        return
      }
      guard parent.rawValue < 0xFFFF else { return nil }
      self.init(kind: .spawn, small: 1, wide: UInt16(parent.rawValue), word: t.rawValue)
    case .complete(let t): self.init(kind: .complete, word: t.rawValue)
    case .register(let t, let fd, let interest):
      guard let fd = Self.narrow16(fd) else { return nil }
      self.init(kind: .register, small: interest.rawValue, wide: fd, word: t.rawValue)
    case .deregister(let fd): self.init(kind: .deregister, word: UInt32(bitPattern: fd))
    case .reactorWait(let timeout):
      guard let timeout else {
        self.init(kind: .reactorWait)
        return
      }
      guard timeout >= 0 && timeout <= UInt32.max else { return nil }
      self.init(kind: .reactorWait, small: 1, word: UInt32(timeout))
    case .reactorReady(let fd, let readiness):
      self.init(kind: .reactorReady, small: readiness.rawValue, word: UInt32(bitPattern: fd))
    case .timerFire(let t): self.init(kind: .timerFire, word: t.rawValue)
    case .wakerClone(let t): self.init(kind: .wakerClone, word: t.rawValue)
    case .wakerDrop(let t): self.init(kind: .wakerDrop, word: t.rawValue)
    case .taskDrop(let t): self.init(kind: .taskDrop, word: t.rawValue)
    case .output(let t, let text):
      // The string's id in 24 bits: the small byte is its high part.
      guard text.rawValue >= 0 && text.rawValue < 1 << 24 else { return nil }
      let id = UInt32(text.rawValue)
      self.init(kind: .output, small: UInt8(id >> 16), wide: UInt16(id & 0xFFFF), word: t.rawValue)
    case .lint(let t, let code, let detail):
      guard detail.rawValue >= 0 && detail.rawValue <= 0xFFFF else { return nil }
      self.init(kind: .lint, small: code.rawValue, wide: UInt16(detail.rawValue), word: t.rawValue)
    case .phase(let phase): self.init(kind: .phase, small: phase.rawValue)
    case .microtaskQueue(let t, let job):
      self.init(kind: .microtaskQueue, small: job.rawValue, word: t.rawValue)
    case .microtaskRun(let t, let job): self.init(kind: .microtaskRun, small: job.rawValue, word: t.rawValue)
    case .immediateQueue(let t): self.init(kind: .immediateQueue, word: t.rawValue)
    case .immediateRun(let t): self.init(kind: .immediateRun, word: t.rawValue)
    case .callPush(let t): self.init(kind: .callPush, word: t.rawValue)
    case .callPop(let t, let line, let awaiting):
      guard let code = Self.code(of: awaiting), let line = Self.narrow16(line) else { return nil }
      self.init(kind: .callPop, small: code, wide: line, word: t.rawValue)
    case .threadRun(let t, let cpu):
      guard let cpu = Self.narrow16(cpu) else { return nil }
      self.init(kind: .threadRun, wide: cpu, word: t.rawValue)
    case .threadReady(let t, let cpu):
      guard let cpu = Self.narrow16(cpu) else { return nil }
      self.init(kind: .threadReady, wide: cpu, word: t.rawValue)
    case .threadStop(let t, let cpu, let line, let awaiting):
      // The CPU in the small byte's high half, beside the await's code.
      guard let code = Self.code(of: awaiting), cpu >= 0 && cpu < 16, let line = Self.narrow16(line) else {
        return nil
      }
      self.init(kind: .threadStop, small: UInt8(cpu) << 4 | code, wide: line, word: t.rawValue)
    case .goRunqPut(let t, let p, let slot):
      guard let p = Self.narrow16(p) else { return nil }
      self.init(kind: .goRunqPut, small: slot.rawValue, wide: p, word: t.rawValue)
    case .goExecute(let t, let p, let m):
      guard let p = Self.narrow8(p), let m = Self.narrow16(m) else { return nil }
      self.init(kind: .goExecute, small: p, wide: m, word: t.rawValue)
    case .goPark(let t, let line, let reason):
      guard let line = Self.narrow16(line) else { return nil }
      self.init(kind: .goPark, small: reason.rawValue, wide: line, word: t.rawValue)
    case .goSyscallExit(let t, let m, let p):
      guard let p = Self.narrow8(p), let m = Self.narrow16(m) else { return nil }
      self.init(kind: .goSyscallExit, small: p, wide: m, word: t.rawValue)
    case .goHandoff(let p, let m):
      guard let m = Self.narrow16(m) else { return nil }
      self.init(kind: .goHandoff, wide: m, word: UInt32(bitPattern: p))
    case .goPreempt(let t, let p):
      guard let p = Self.narrow16(p) else { return nil }
      self.init(kind: .goPreempt, wide: p, word: t.rawValue)
    case .goIdle(let p): self.init(kind: .goIdle, word: UInt32(bitPattern: p))
    // A deadline, a duration or two strings: too wide for a slot, and rare
    // (timer_set, timer_cancel, io_send, block, future_made, future_polled,
    // go_syscall). A new kind is spilled until it is packed here and in
    // `unpack`: always correct, only bigger.
    default:
      return nil
    }
  }
}
