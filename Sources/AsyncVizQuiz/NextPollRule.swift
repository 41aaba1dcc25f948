import AsyncVizTrace
import AsyncVizTraceState

/// "Which task does the executor poll next?": asked before a step that
/// polls the front of the run queue (or block_on's own future, once the
/// queue is empty). The trap is the task woken last, at the back.
enum NextPollRule: StepRule {
  static func questions(at w: StepWindow) -> [QuizQuestion] {
    guard let (_, polled) = w.firstPollStart else { return [] }
    let run = w.run
    let s = w.before
    let queue = Array(s.runQueue.elements)
    let fromQueue = queue.first == polled
    let blockOn = queue.isEmpty && polled == s.blockOnTask && s.blockOnWoken
    guard fromQueue || blockOn else { return [] }

    let right = QuizChoice(
      run.label(polled), .task(polled),
      because: fromQueue
        ? "\(run.label(polled)) is at the front of the run queue, and the executor takes tasks first in, first out."
        : "The run queue is empty and \(run.label(polled)) was woken: it is block_on's own future, "
          + "which block_on polls itself (it is never in the run queue).")
    var wrong: [QuizChoice] = []
    func add(_ id: TaskID, _ reason: @autoclosure () -> String) {
      guard id != polled, !wrong.contains(where: { $0.value == .task(id) }), wrong.count < 3 else { return }
      wrong.append(QuizChoice(run.label(id), .task(id), because: reason()))
    }
    if fromQueue, queue.count >= 2, let back = queue.last {
      add(
        back,
        "\(run.label(back)) joined the run queue last (position \(queue.count) of \(queue.count)). "
          + "The queue is first in, first out: \(run.label(polled)), at its front, goes first.")
    }
    if fromQueue, let main = s.blockOnTask, s.blockOnWoken {
      add(
        main,
        "\(run.label(main)) was woken, but it is block_on's own future, not in the run queue: block_on "
          + "polls it once the queue is empty (or after 61 task polls, tokio's event_interval).")
    }
    if case .poll(let last, _) = s.action, let info = s.task(last) {
      if info.status == .pending {
        add(
          last,
          "\(run.label(last)) was just polled and returned Pending, waiting on \(run.waitText(info)): "
            + "only a wake makes it ready again.")
      } else if info.status == .done {
        add(last, "\(run.label(last)) has just finished: a done task is never polled again.")
      }
    }
    for (i, id) in queue.enumerated().dropFirst() {
      add(
        id,
        "\(run.label(id)) waits its turn at position \(i + 1) of the run queue, behind \(run.label(polled)).")
    }
    if fromQueue {
      wrong.append(
        QuizChoice(
          "None yet: the reactor turns first", .reactorTurn,
          because:
            "The run queue is not empty, so the executor polls \(run.label(polled)) first; the reactor "
            + "waits only when the queue is empty (or after 61 polls in a row)."))
    } else if case .reactorTurn = s.action {
      wrong.append(
        QuizChoice(
          "None yet: the reactor turns again first", .reactorTurn,
          because:
            "The reactor has just turned (step \(w.step)); with the run queue empty, block_on now polls "
            + "its own future, which was woken."))
    }
    // At most three traps: a thousand pending tasks must not cost a thousand reasons.
    for info in s.tasks where info.status == .pending && wrong.count < 3 {
      let why =
        info.awaiting == .yieldNow
        ? "\(run.label(info.id)) yielded: its waker waits in the defer list until the next reactor turn, "
          + "so it is not in the run queue."
        : "\(run.label(info.id)) is pending, waiting on \(run.waitText(info)): it is not in the run queue "
          + "until that wakes it."
      add(info.id, why)
    }
    for info in s.tasks where info.status == .done && wrong.count < 3 {
      add(info.id, "\(run.label(info.id)) is done: a finished task is never polled again.")
    }
    let prompt =
      "Step \(w.next): the executor is about to poll a task. Which task does it poll?"
    return [
      QuizQuestion(
        .nextPoll, askedAt: w.step, reveal: w.next, prompt: prompt, right: right, wrong: wrong)
    ]
  }
}
