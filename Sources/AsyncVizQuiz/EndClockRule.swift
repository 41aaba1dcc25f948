import AsyncVizTrace

/// "What will the clock read when the run ends?": asked before the run
/// starts. The traps are the sum of every wait (as if awaits blocked one
/// after the other) and the longest single wait (as if everything overlapped,
/// even the awaits one task makes in turn).
enum EndClockRule: RunRule {
  static func questions(in run: QuizRun) -> [QuizQuestion] {
    guard let end = run.trace.end else { return [] }
    let waits = self.waits(in: run.trace)
    guard !waits.isEmpty else { return [] }
    let total = waits.reduce(0, +)
    let longest = waits.max() ?? 0
    let clock = end.tUs
    let right = QuizChoice.time(
      clock, because: "The run ends at \(DurationText.instant(clock)): " + why(clock, total))
    var wrong: [QuizChoice] = []
    if total > clock {
      wrong.append(
        QuizChoice.time(
          total,
          because: "That is the sum of all \(waits.count) waits, as if each blocked the thread in turn. "
            + "While one task waits, the executor polls the others, and one reactor wait covers them all."))
    }
    if longest < clock {
      wrong.append(
        QuizChoice.time(
          longest,
          because: "That is the longest single wait. Some waits come one after the other (a task awaits one "
            + "thing at a time, a blocking call stops everything), so the run lasts longer."))
    }
    if clock > 0 {
      wrong.append(
        QuizChoice.time(
          0,
          because: "The clock does move: each reactor wait advances it to the next answer or deadline, "
            + "up to \(DurationText.instant(clock))."))
    }
    let prompt = "Before the run starts: what will the clock read when it ends?"
    return [
      QuizQuestion(.endClock, askedAt: 0, reveal: end.steps, prompt: prompt, right: right, wrong: wrong)
    ]
  }

  /// Why the clock reads `clock`, from how the waits (`total` of them all)
  /// fall: in turn, each after the last (a lazy future's request leaves only
  /// when it is awaited), or overlapping. A wait cut short (a dropped select
  /// loser) is not among them, which is why the first case speaks of the
  /// waits that ended.
  private static func why(_ clock: Int64, _ total: Int64) -> String {
    if clock == total {
      return "each wait that ended began after the one before it had ended (a task awaits one thing at a "
        + "time), so the clock reads their sum."
    }
    return "tasks wait at the same time, so the clock moves only while the reactor waits for the next "
      + "answer or deadline."
  }

  /// Every wait of the run, in microseconds: each request's round trip (its
  /// send to its fd reported ready), each timer that fired (set to due), each
  /// blocking call.
  static func waits(in trace: Trace) -> [Int64] {
    var sentAt: [Int32: Int64] = [:]
    var timers: [TaskID: [(set: Int64, due: Int64)]] = [:]
    var waits: [Int64] = []
    for event in trace.events {
      switch event.payload {
      case .ioSend(_, let fd, _, _):
        sentAt[fd] = event.tUs
      case .reactorReady(let fd, _):
        if let sent = sentAt.removeValue(forKey: fd) { waits.append(event.tUs - sent) }
      case .timerSet(let task, let due, _):
        timers[task, default: []].append((event.tUs, due))
      case .timerFire(let task):
        // The task's earliest timer fires (the reducer's rule too).
        if let armed = timers[task], let i = armed.indices.min(by: { armed[$0].due < armed[$1].due }) {
          waits.append(armed[i].due - armed[i].set)
          timers[task]?.remove(at: i)
        }
      case .timerCancel(let task, let due):
        if let i = timers[task]?.firstIndex(where: { $0.due == due }) { timers[task]?.remove(at: i) }
      case .block(_, let duration, _):
        waits.append(duration)
      default:
        break
      }
    }
    return waits
  }
}
