import AsyncVizTrace
import AsyncVizTraceState

/// "Which tasks does this reactor turn wake, and in what order?": asked
/// before a reactor turn that wakes at least one task.
enum ReactorWakesRule: StepRule {
  static func questions(at w: StepWindow) -> [QuizQuestion] {
    guard w.first({ if case .reactorWait = $0 { return true } else { return nil } }) != nil else { return [] }
    let run = w.run
    let s = w.before
    var woken: [TaskID] = []
    var causes: [String] = []
    var seen: Set<TaskID> = []
    var lastEvent = w.events.lowerBound
    for i in w.events {
      guard case .wake(let task, let by, let fd, _) = run.trace.events.payload(at: i), !seen.contains(task)
      else {
        continue
      }
      woken.append(task)
      seen.insert(task)
      causes.append("\(cause(by: by, fd: fd, task: task, in: s, run: run)) for \(run.label(task))")
      lastEvent = i
    }
    guard let first = woken.first else { return [] }
    let order = causes.joined(separator: ", then ")
    let right = QuizChoice(
      names(woken, run), .tasks(woken),
      because: "The wait finds \(order); the reactor wakes each task in that order, and each goes to "
        + "the back of the run queue.")
    var wrong: [QuizChoice] = []
    if woken.count >= 2 {
      wrong.append(
        QuizChoice(
          names(woken.reversed(), run), .tasks(woken.reversed()),
          because: "Reversed: the reactor wakes in the order it finds them (\(order)), and each woken "
            + "task joins the back of the run queue, so the first found is polled first."))
      wrong.append(
        QuizChoice(
          names([first], run), .tasks([first]),
          because: "One turn wakes every task whose fd is ready or whose timer is due, not one task per "
            + "turn: this one wakes \(woken.count)."))
    }
    let wokenSet = Set(woken)
    if let other = s.tasks.first(where: { $0.status == .pending && !wokenSet.contains($0.id) }) {
      let more = woken + [other.id]
      wrong.append(
        QuizChoice(
          names(more, run), .tasks(more),
          because: "\(run.label(other.id)) is not woken by this turn: it waits on \(run.waitText(other))"
            + run.laterWake(of: other.id, after: lastEvent + 1) + "."))
    }
    wrong.append(
      QuizChoice(
        "No task: the wait returns with nothing ready", .tasks([]),
        because: "This wait does return with work: it finds \(causes[0])."))
    let prompt =
      "Step \(w.next) is a reactor turn: the reactor waits (epoll_wait) for I/O and timers. "
      + "Which tasks does it wake, in what order?"
    return [
      QuizQuestion(
        .reactorWakes, askedAt: w.step, reveal: w.next, prompt: prompt, right: right,
        wrong: Array(wrong.prefix(3)))
    ]
  }

  /// "#2 handler, then #3 handler", "#2 handler only".
  static func names(_ ids: [TaskID], _ run: QuizRun) -> String {
    ids.count == 1 ? "\(run.label(ids[0])) only" : ids.map(run.label).joined(separator: ", then ")
  }

  /// "fd 5 ready (db's answer)", "the timer due at 10.000 ms", ...
  static func cause(by: WakeSource, fd: Int32?, task: TaskID, in s: TraceState, run: QuizRun) -> String {
    switch by {
    case .reactor:
      guard let fd else { return "an fd ready" }
      let resource = s.reactor.registration(fd: fd).map { run.trace.string($0.resource) } ?? ""
      return resource.isEmpty ? "fd \(fd) ready" : "fd \(fd) ready (\(resource)'s answer)"
    case .timer:
      guard let timer = s.reactor.timers.first(where: { $0.task == task }) else { return "a timer due" }
      return "the timer due at \(DurationText.instant(timer.deadlineUs))"
    case .deferred: return "the deferred wake of yield_now"
    case .task, .own: return "a wake"
    }
  }
}
