import AsyncVizTrace

/// What an answer says, as a value a test can compare with the trace
/// without reading the text: the task polled, the tasks woken in order, a
/// poll's result, a clock reading, a printed line.
public enum QuizAnswer: Sendable, Hashable {
  /// A task (the one polled next).
  case task(TaskID)
  /// Tasks in order (the ones a reactor turn wakes); empty: none.
  case tasks([TaskID])
  /// A poll's result, what it then waits on and the line it stops at
  /// (`.nothing` and 0 for Ready).
  case poll(PollResult, Awaited, line: Int32)
  /// Something no poll does (block the thread, wait for the tasks it
  /// spawns), named by a short key: a trap, never the right answer.
  case impossible(String)
  /// No task: the reactor turns first.
  case reactorTurn
  /// A reading of the trace's clock, in microseconds.
  case time(Int64)
  /// A line the program prints.
  case line(String)
  /// Who wakes a task: a `WakeSource` name, or "nobody".
  case wakeBy(String)
  /// How the run ends.
  case ending(RunEnding)
}
