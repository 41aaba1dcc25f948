/// The kinds of question, one per rule, each aimed at a misconception about
/// async scheduling.
public enum QuestionKind: String, Sendable, CaseIterable, Hashable {
  /// Which task the executor polls next (trap: the task woken last).
  case nextPoll = "next-poll"
  /// Which tasks a reactor turn wakes, in what order.
  case reactorWakes = "reactor-wakes"
  /// What a poll returns, Ready or Pending, and why.
  case pollResult = "poll-result"
  /// The clock when the run ends (trap: the sum, or the longest, of the waits).
  case endClock = "end-clock"
  /// Which line prints first.
  case firstOutput = "first-output"
  /// What will wake a task that returned Pending (trap: the executor polls it again anyway).
  case wakeSource = "wake-source"
  /// How the run ends: completed, stuck, at the step limit.
  case runEnd = "run-end"

  /// Whether it asks about the step after the one shown (not the whole run).
  public var isAboutOneStep: Bool {
    switch self {
    case .nextPoll, .reactorWakes, .pollResult, .wakeSource: true
    case .endClock, .firstOutput, .runEnd: false
    }
  }

  /// The idea a wrong answer shows was missed: what the end of a quiz lists.
  public var concept: String {
    switch self {
    case .nextPoll:
      "The run queue is first in, first out: the executor polls its front, and a task woken last "
        + "waits its turn at the back."
    case .reactorWakes:
      "One reactor turn wakes every task whose fd is ready or whose timer is due, in the order it "
        + "finds them; each goes to the back of the run queue."
    case .pollResult:
      "A poll runs a task until an await that is not ready, then returns Pending and leaves its "
        + "waker behind; it never blocks the thread, and it is Ready only when the task's future ends."
    case .endClock:
      "Waiting tasks overlap: a run lasts as long as its longest chain of one-after-the-other waits, "
        + "not the sum of all waits, and not just the longest single one."
    case .firstOutput:
      "Code runs only when a task is polled, and tasks are polled in run-queue order: lines print in "
        + "the order the polls reach them, not in the order of spawns or of the source."
    case .wakeSource:
      "A pending task is polled again only when its waker is woken: whoever holds a clone (the reactor "
        + "for an fd, the timer queue, a join handle, a channel) decides when; if no one does, it waits forever."
    case .runEnd:
      "A run ends when every task is done; a task whose waker no one holds waits forever (stuck), and "
        + "tokio drops the tasks still alive when main returns."
    }
  }
}
