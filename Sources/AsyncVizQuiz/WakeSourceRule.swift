import AsyncVizTrace
import AsyncVizTraceState

/// "The task returns Pending: what will wake it?": asked before a poll that
/// leaves its task pending, when one holder of its waker is clear from the
/// state after the poll (an fd, a timer, a join handle, a channel, the defer
/// list, or no one). The trap: the executor polls it again anyway.
enum WakeSourceRule: StepRule {
  static func questions(at w: StepWindow) -> [QuizQuestion] {
    let run = w.run
    guard let (_, task) = w.firstPollStart else { return [] }
    let after = w.after
    guard let info = after.task(task), info.status == .pending else { return [] }
    let name = run.label(task)
    let laterWake = run.firstEvent(from: w.events.upperBound) {
      if case .wake(let t, _, _, _) = $0 { return t == task }
      return false
    }
    var wokenBy: WakeSource?
    if let laterWake, case .wake(_, let by, _, _) = run.trace.events.payload(at: laterWake) { wokenBy = by }

    var options: [String: (text: String, fact: String)] = [:]
    let fd = after.reactor.interest.first { $0.task == task && $0.wakerStored }
    if let fd {
      let resource = run.trace.string(fd.resource)
      options["reactor"] = (
        "The reactor, when fd \(fd.fd) is ready",
        "the reactor (fd \(fd.fd)" + (resource.isEmpty ? ")" : ", \(resource))")
      )
    }
    if let timer = after.reactor.timers.first(where: { $0.task == task }) {
      options["timer"] = (
        "The timer queue, when its timer is due",
        "the timer queue (its timer, due at \(DurationText.instant(timer.deadlineUs)))"
      )
    }
    switch info.awaiting {
    case .joinHandle(let other):
      options["task"] = ("\(run.label(other)), when it finishes", "the join handle of \(run.label(other))")
    case .channelSend(let channel), .channelRecv(let channel):
      options["task"] = (
        "Another task, through \(run.trace.string(channel))", "the channel \(run.trace.string(channel))"
      )
    case .yieldNow:
      options["deferred"] = (
        "The scheduler, after its next reactor turn", "the scheduler's defer list (yield_now)"
      )
    default: break
    }
    // Exactly one holder, and the trace agrees: the next wake comes from it,
    // or no one holds a waker and no wake ever comes.
    let key: String
    if info.wakersHeld <= 0 && options.isEmpty && laterWake == nil {
      key = "nobody"
    } else if options.count == 1, let only = options.keys.first, only == wokenBy?.name {
      key = only
    } else {
      return []
    }
    let holder = options[key]?.fact ?? "no one"
    let right = QuizChoice(
      options[key]?.text ?? "Nothing: no one holds its waker", .wakeBy(key),
      because: key == "nobody"
        ? "No one holds a waker of \(name): nothing will ever call wake, so it stays pending forever."
        : "\(name) left a clone of its waker with \(holder): that is what wakes it"
          + (laterWake.map { ", at \(run.when($0))" } ?? "") + ".")
    var wrong = [
      QuizChoice(
        "The executor: it polls every pending task again on its next round", .wakeBy("polling"),
        because:
          "An executor does not poll pending tasks in rounds: a task is polled again only when its waker "
          + "is woken (here: \(key == "nobody" ? "never" : holder))."),
      QuizChoice(
        "Nothing: no one holds its waker", .wakeBy("nobody"),
        because:
          "\(holder.prefix(1).uppercased() + holder.dropFirst()) holds a clone of its waker and will wake it."
      ),
    ]
    if key != "reactor" {
      wrong.append(
        QuizChoice(
          "The reactor, when an fd of its is ready", .wakeBy("reactor"),
          because: "\(name) has no fd in the interest list: it waits on \(run.waitText(info))."))
    }
    if key != "timer" {
      wrong.append(
        QuizChoice(
          "The timer queue, when its timer is due", .wakeBy("timer"),
          because: "\(name) has no timer armed: it waits on \(run.waitText(info))."))
    }
    let prompt = "Step \(w.next): \(name) is polled and returns Pending. What will wake it?"
    return [
      QuizQuestion(
        .wakeSource, askedAt: w.step, reveal: w.next, prompt: prompt, right: right,
        wrong: Array(wrong.prefix(3)))
    ]
  }
}
