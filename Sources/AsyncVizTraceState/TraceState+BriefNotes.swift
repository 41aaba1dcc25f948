import AsyncVizTrace

/// Pieces of the short forms that fold two or three events into one line:
/// a spawn or a wake and the queueing that follows it, a request and the
/// registration of its fd. The event folded in has an empty short form
/// (see `briefNote(forEvent:in:)`), so each fact is told once.
extension TraceState {
  /// A short form longer than this (in bytes) is cut to its first clause,
  /// for the models whose notes have no short forms written for them.
  static let longBrief = 100

  /// The note up to its first clause's end: a ":", ";" or "." followed by a
  /// space, outside parentheses and quotes (a quoted print or a parenthesised
  /// aside is never cut open), and not in its first 20 bytes (a task's
  /// label, "#3 helper: sleep", is not a clause, and "Nothing is due now"
  /// says less than what follows it). "The microtask queue runs
  /// its front job (1 queued): a contender of ..." is "The microtask queue
  /// runs its front job (1 queued)". A note with no such end stays whole.
  static func firstClause(of note: String) -> String {
    var depth = 0
    var quoted = false
    let bytes = Array(note.utf8)
    for (i, byte) in bytes.enumerated() {
      switch byte {
      case UInt8(ascii: "\""): quoted.toggle()
      case UInt8(ascii: "("): if !quoted { depth += 1 }
      case UInt8(ascii: ")"): if !quoted { depth -= 1 }
      case UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "."):
        if depth == 0 && !quoted && i >= 20 && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: " ") {
          return String(decoding: bytes[..<i], as: UTF8.self)
        }
      default: break
      }
    }
    return note
  }

  /// ", run queue position 2" when event `i + 1` queues `task` (the spawn or
  /// wake at `i` caused it); nothing otherwise.
  func briefQueued<S: NoteSink & ~Copyable>(_ task: TaskID, after i: Int, in trace: Trace, into s: inout S) {
    guard i + 1 < trace.events.count,
      case .schedule(task, let cause, let position) = trace.events.payload(at: i + 1)
    else { return }
    if position == 0 {
      s.text(cause == .spawn ? " (block_on's own future, polled first)" : " (block_on's own future)")
    } else {
      s.text(", run queue position ")
      s.number(Int64(position))
    }
  }

  /// Whether event `i`'s fact is told by a neighbour's short form, so that
  /// it has none of its own: the queueing right after a spawn or a wake, the
  /// registration right after its request, a stored waker clone (the
  /// register's or the Pending's line says where the waker went), the
  /// second and later fds one wait reports, a print after a print, the
  /// completion right after Ready, a dropped waker beside the cancellation
  /// that dropped it, and a timer armed right before its task's Pending.
  func isFoldedInBrief(_ i: Int, in trace: Trace) -> Bool {
    let events = trace.events
    let previous = i > 0 ? events.payload(at: i - 1) : nil
    let next = i + 1 < events.count ? events.payload(at: i + 1) : nil
    switch events.payload(at: i) {
    case .schedule(let task, _, _):
      if case .spawn(task, let parent) = previous { return parent != nil }  // a root tells its own
      if case .wake(task, _, _, _) = previous { return true }
      return false
    case .register(let task, let fd, _):
      if case .ioSend(task, fd, _, _) = previous { return true }
      return false
    case .wakerClone:
      return true
    case .reactorReady:
      return (reactor.lastWait?.ready.count ?? 0) > 0
    case .output(let task, _):
      if case .output(task, _) = previous { return true }
      return false
    case .complete(let task):
      if case .pollEnd(task, .ready, _, _) = previous { return true }
      return false
    case .wakerDrop(let task):
      if case .timerCancel(task, _) = previous { return true }
      if case .timerCancel(task, _) = next { return true }
      if case .deregister = previous { return true }
      if case .deregister(let fd) = next, reactor.registration(fd: fd)?.task == task { return true }
      return false
    case .timerSet(let task, _, _):
      if case .pollEnd(task, .pending, _, _) = next { return true }
      return false
    default:
      return false
    }
  }

  /// " 2 lines, first" when the print at `i` starts a run of prints by `task`.
  func briefPrintCount<S: NoteSink & ~Copyable>(_ task: TaskID, at i: Int, in trace: Trace, into s: inout S) {
    var n = 1
    while i + n < trace.events.count, case .output(task, _) = trace.events.payload(at: i + n) { n += 1 }
    guard n > 1 else { return }
    s.text(" ")
    s.number(Int64(n))
    s.text(" lines, first")
  }

  /// What the events folded into a poll's end add to its short form: the
  /// completion after Ready, the timer armed just before a Pending.
  func briefPollEndSuffix<S: NoteSink & ~Copyable>(
    _ task: TaskID, result: PollResult, at i: Int, in trace: Trace, into s: inout S
  ) {
    if result == .ready {
      guard i + 1 < trace.events.count, case .complete(task) = trace.events.payload(at: i + 1) else { return }
      s.text(": done")
      writeOthersAlive(ifNone: ", the last live task", into: &s)
    } else if i > 0, case .timerSet(task, let deadline, _) = trace.events.payload(at: i - 1) {
      s.text(" (timer at ")
      s.instant(deadline)
      s.text(")")
    }
  }

  /// "#2 handler sends db.query on fd 5 and registers it for read".
  func briefSend<S: NoteSink & ~Copyable>(
    _ task: TaskID, fd: Int32, resource: StringID, op: StringID, at i: Int, in trace: Trace,
    into s: inout S
  ) {
    s.request(by: task, " sends ", resource, op, in: trace)
    s.text(" on fd ")
    s.number(Int64(fd))
    if i + 1 < trace.events.count, case .register(task, fd, let interest) = trace.events.payload(at: i + 1) {
      s.text(interest == .read ? " and registers it for read" : " and registers it for write")
    }
  }

  /// The fds that the wait's report at event `i` and the later reports of
  /// the same step name (the wakes come between them): "fd 5 readable
  /// (db)", or "fds 5, 6, 7, 8 readable and 996 more".
  func briefReady<S: NoteSink & ~Copyable>(at i: Int, in trace: Trace, into s: inout S) {
    let step = trace.events.step(at: i)
    var fds: [Int32] = []
    var total = 0
    var j = i
    while j < trace.events.count && trace.events.step(at: j) == step {
      if case .reactorReady(let fd, _) = trace.events.payload(at: j) {
        if fds.count < TraceState.listedHolders { fds.append(fd) }
        total += 1
      }
      j += 1
    }
    guard case .reactorReady(let fd, let readiness) = trace.events.payload(at: i) else { return }
    let word: StaticString = readiness == .read ? " readable" : " writable"
    if total == 1 {
      s.text(" fd ")
      s.number(Int64(fd))
      s.text(word)
      if let entry = reactor.registration(fd: fd), !trace.string(entry.resource).isEmpty {
        s.text(" (")
        s.string(trace.string(entry.resource))
        s.text(")")
      }
      return
    }
    s.text(" fds ")
    for (k, fd) in fds.enumerated() {
      if k > 0 { s.text(", ") }
      s.number(Int64(fd))
    }
    s.text(" ready")
    if total > fds.count {
      s.text(" and ")
      s.number(Int64(total - fds.count))
      s.text(" more")
    }
  }
}
