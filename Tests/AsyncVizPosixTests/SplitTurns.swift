import AsyncVizTrace

/// Undoes, in one task's events, what real time may legitimately change:
/// answers the sim reports in one reactor turn reaching the epoll backend in
/// two (the peer writes them one after another and the executor may wake
/// between two writes). The task is then woken twice instead of once, and
/// the first of those polls finds the rest still pending at the same await.
/// docs/epoll-backend.md ("Comparing the backends") gives the argument.
///
/// The rules, applied to both backends' traces alike:
/// 1. An *idle re-poll* is a `poll_start`, any `waker_clone`/`waker_drop`,
///    and a `poll_end pending`, with nothing else in between, that ends
///    (a) at the same source line as the task's previous `poll_end pending`
///    (a join of several calls: the task looked, found another call still
///    pending, and went back to the same await), or (b) awaiting a join
///    handle when the previous pending poll awaited one too (a task awaiting
///    the handles of tasks that the sim finishes in one turn: woken by the
///    first, it finds the next one unfinished). It is removed, so the wakes
///    before and after it form one run, as in a single turn.
/// 2. In a run merged that way, a `schedule wake` after the run's first is
///    removed: in one turn the sim records a wake of an already queued task
///    without scheduling it again.
/// 3. In a run merged that way, a `wake by task` after the run's first is
///    removed: in one turn the task awaited one joined task, and the other
///    completions (in the same turn in the sim) woke nobody.
/// Wakes by the reactor and timers are never removed, so a task woken by two
/// fds must still show two reactor wakes, in one run or two.
enum SplitTurns {
  /// One event of a task: the payload, and its line in `LogicalEvents`.
  typealias Entry = (payload: EventPayload, text: String, awaiting: Awaited)

  /// Where a pending poll stopped: its source line and what it awaited.
  typealias Await = (line: Int32, awaiting: Awaited)

  /// `entries` with idle re-polls spliced out (rules 1-3).
  static func normalise(_ entries: [Entry]) -> [String] {
    var out: [String] = []
    var lastPending: Await?
    var merged = false
    var runHasSchedule = false
    var runHasTaskWake = false
    var i = 0
    while i < entries.count {
      let (payload, text, awaiting) = entries[i]
      i += 1
      switch payload {
      case .pollStart:
        if let last = lastPending, let found = idleRepoll(entries, from: i, after: last) {
          lastPending = found.stop
          i = found.end + 1
          merged = true
          continue
        }
      case .pollEnd(_, let result, let line, _):
        lastPending = result == .pending ? (line, awaiting) : nil
        (merged, runHasSchedule, runHasTaskWake) = (false, false, false)
      case .schedule(_, .wake, _):
        if merged && runHasSchedule { continue }
        runHasSchedule = true
      case .wake(_, .task, _, _):
        if merged && runHasTaskWake { continue }
        runHasTaskWake = true
      default:
        break
      }
      out.append(text)
    }
    return out
  }

  /// If the poll whose `poll_start` precedes `from` is an idle re-poll
  /// after a pending poll stopped at `last`, the index of its `poll_end` and
  /// where it stopped; otherwise nil.
  private static func idleRepoll(_ entries: [Entry], from: Int, after last: Await) -> (end: Int, stop: Await)?
  {
    var j = from
    while j < entries.count {
      switch entries[j].payload {
      case .wakerClone, .wakerDrop:
        j += 1
      case .pollEnd(_, .pending, let line, _):
        let stop = (line: line, awaiting: entries[j].awaiting)
        let sameAwait = line == last.line
        let nextJoin = isJoin(last.awaiting) && isJoin(stop.awaiting)
        return sameAwait || nextJoin ? (j, stop) : nil
      default:
        return nil
      }
    }
    return nil
  }

  /// True for what a poll awaiting a `JoinHandle` records.
  private static func isJoin(_ awaiting: Awaited) -> Bool {
    if case .joinHandle = awaiting { return true }
    return false
  }
}
