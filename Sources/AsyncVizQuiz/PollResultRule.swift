import AsyncVizTrace
import AsyncVizTraceState

/// "What does this poll return, Ready or Pending, and why?": asked before a
/// step that polls a task to the end of the poll.
enum PollResultRule: StepRule {
  static func questions(at w: StepWindow) -> [QuizQuestion] {
    let run = w.run
    guard
      let (startIndex, task) = w.firstPollStart,
      let (endIndex, end) = w.first({ payload -> (PollResult, Int32, Awaited)? in
        if case .pollEnd(let t, let result, let line, let awaiting) = payload, t == task {
          return (result, line, awaiting)
        }
        return nil
      })
    else { return [] }
    let (result, line, awaiting) = end
    guard let info = w.before.task(task) else { return [] }
    let firstPoll = info.polls == 0
    let blocked = w.events.contains { i in
      if case .block = run.trace.events.payload(at: i) { return i > startIndex && i < endIndex }
      return false
    }
    let spawned = w.events.contains { i in
      if case .spawn(_, let parent) = run.trace.events.payload(at: i) { return parent == task }
      return false
    }
    let name = run.label(task)
    let ready = QuizChoice("Ready: the task's future finishes", .poll(.ready, .nothing, line: 0), because: "")
    var right: QuizChoice
    var wrong: [QuizChoice] = []
    if result == .pending {
      let now = run.waitText(awaiting, line: line)
      right = QuizChoice(
        "Pending: it waits on \(now)", .poll(.pending, awaiting, line: line),
        because: "The poll runs \(name) until \(now), which is not ready yet: the poll returns Pending"
          + afterPending(task, in: w.after) + ".")
      var notYet = ready
      notYet.reason =
        "Not yet: at \(now) it awaits something that is not ready, so the poll returns Pending; the "
        + "task is polled again once woken."
      wrong.append(notYet)
      if !firstPoll && info.awaiting != .nothing && (info.awaiting != awaiting || info.line != line) {
        wrong.append(
          QuizChoice(
            "Pending: it still waits on \(run.waitText(info))",
            .poll(.pending, info.awaiting, line: info.line),
            because: "That wait is over (the task was woken): this poll gets past \(run.waitText(info)) and "
              + "stops at \(now) instead."))
      }
      if !blocked {
        wrong.append(
          QuizChoice(
            "Nothing yet: it blocks the thread until \(now) is ready", .impossible("blocks"),
            because: "A future never blocks the thread: it returns Pending, and the executor polls other "
              + "tasks meanwhile (only block() stops the thread)."))
      }
      if let later = laterWait(of: task, after: endIndex + 1, other: (awaiting, line), run: run) {
        wrong.append(
          QuizChoice(
            "Pending: it waits on \(run.waitText(later.awaiting, line: later.line))",
            .poll(.pending, later.awaiting, line: later.line),
            because:
              "It stops earlier, at \(now); it reaches \(run.waitText(later.awaiting, line: later.line)) "
              + "only later, at \(run.when(later.index))."))
      }
    } else {
      right = ready
      right.reason =
        firstPoll
        ? "Every await \(name) reaches is ready at once, so its first poll runs it to the end: Ready."
        : "What \(name) waited on is ready, so this poll goes on from there and runs to the end: Ready."
      if !firstPoll && info.awaiting != .nothing {
        wrong.append(
          QuizChoice(
            "Pending: it still waits on \(run.waitText(info))",
            .poll(.pending, info.awaiting, line: info.line),
            because: "The task was woken: this poll gets past \(run.waitText(info)) and runs the rest of the "
              + "task, so it returns Ready."))
      }
      if spawned { wrong.append(waitsForSpawns) }
      wrong.append(pendingFirst)
      if firstPoll {
        wrong.append(
          QuizChoice(
            "Nothing: the task already ran when it was spawned", .impossible("ran-at-spawn"),
            because: "Futures are lazy: nothing of \(name) ran before this first poll."))
      }
    }
    let prompt =
      firstPoll
      ? "Step \(w.next): the executor polls \(name) for the first time. What does this poll return?"
      : "Step \(w.next): the executor polls \(name) again; it stopped at \(run.waitText(info)). "
        + "What does this poll return?"
    return [
      QuizQuestion(
        .pollResult, askedAt: w.step, reveal: w.next, prompt: prompt, right: right,
        wrong: Array(wrong.prefix(3)))
    ]
  }

  /// A trap for a poll that spawns: spawn waits for nothing.
  static let waitsForSpawns = QuizChoice(
    "Pending: it waits for the tasks it spawns", .impossible("waits-for-spawns"),
    because: "spawn does not wait: it queues the new task and returns its handle at once; only "
      + "awaiting the handle would wait.")

  /// A trap for every poll that returns Ready: no poll must be Pending first.
  static let pendingFirst = QuizChoice(
    "Pending: a poll returns Pending once before it can be Ready", .impossible("pending-first"),
    because: "A future returns Ready as soon as it can finish; Pending is only for an await that is "
      + "not ready.")

  /// What becomes of a task that returned Pending, from the state after its poll.
  static func afterPending(_ task: TaskID, in after: TraceState) -> String {
    guard let info = after.task(task) else { return "" }
    if info.queued || info.status == .ready {
      return ", but it was woken during the poll, so it goes back to the run queue at once"
    }
    if info.wakersHeld <= 0 && after.deferredWakers == 0 {
      return ", and no one holds its waker: nothing will ever wake it"
    }
    return ", and its waker is left with whatever will finish it"
  }

  /// The next Pending of `task` after event `start` that waits on something
  /// other than `other`, with the event's index.
  static func laterWait(
    of task: TaskID, after start: Int, other: (Awaited, Int32), run: QuizRun
  ) -> (index: Int, awaiting: Awaited, line: Int32)? {
    var from = start
    while let i = run.firstEvent(
      from: from,
      where: {
        if case .pollEnd(let t, .pending, _, _) = $0 { return t == task }
        return false
      })
    {
      if case .pollEnd(_, _, let line, let awaiting) = run.trace.events.payload(at: i),
        awaiting != other.0 || line != other.1
      {
        return (i, awaiting, line)
      }
      from = i + 1
    }
    return nil
  }
}
