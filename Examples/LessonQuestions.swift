import AsyncVizQuiz

/// The questions a demo's lesson writes in its own words (docs/lessons),
/// asked by `asyncviz quiz NAME` in place of the rule's question of the same
/// kind and step, and only when the run gives the answer they state.
public enum LessonQuestions {
  /// The hand-written questions of demo `name` (none for most demos: the
  /// rules' questions are enough).
  public static func named(_ name: String) -> [LessonQuestion] {
    switch name {
    case "lazy-future": lazyFuture
    case "join-concurrent": joinConcurrent
    case "spawn-vs-await": spawnVsAwait
    default: []
    }
  }

  static let lazyFuture = [
    LessonQuestion(
      .firstOutput, at: 0,
      "main's first line calls lookup(\"ada\") without awaiting it, and its next line prints. "
        + "Which line prints first?",
      right: QuizChoice.line(
        "made the lookup; not awaiting it yet",
        because: "Calling an async fn only builds a future: nothing of lookup runs, and nothing is sent, "
          + "until main awaits it 50 ms later."),
      wrong: [
        QuizChoice.line(
          "lookup(ada) starts running now",
          because: "That is JavaScript's habit: an async function runs at once, up to its first await. A "
            + "Rust future is lazy: lookup's first line runs at its first poll, when main awaits it."),
        QuizChoice.line(
          "50 ms later, now awaiting it",
          because: "main prints that after its 50 ms sleep, long after its first print."),
      ])
  ]

  static let joinConcurrent = [
    LessonQuestion(
      .endClock, at: 0,
      "main awaits join(db.query (40 ms), svc.call (25 ms)). What does the clock read when the run ends?",
      right: QuizChoice.time(
        40_000,
        because: "join polls both futures in the same task, so both requests are in flight at once: the "
          + "slower one, 40 ms, decides."),
      wrong: [
        QuizChoice.time(
          65_000,
          because: "That is the two requests one after the other, as two awaits in a row would be; join "
            + "sends both in its first poll."),
        QuizChoice.time(
          25_000,
          because: "That is when the first answer (svc's) arrives: join waits for all of its futures "
            + "(select would stop at the first)."),
      ])
  ]

  static let spawnVsAwait = [
    LessonQuestion(
      .endClock, at: 0,
      "fetch(1) and fetch(2) are awaited one after the other; then fetch(3) and fetch(4) are spawned and "
        + "awaited. Each request takes 30 ms. What does the clock read when the run ends?",
      right: QuizChoice.time(
        90_000,
        because: "30 + 30 ms for the two awaits in a row, then 30 ms for the two spawned tasks, which wait "
          + "at the same time."),
      wrong: [
        QuizChoice.time(
          120_000,
          because: "That is four requests one after the other: the two spawned tasks wait at the same "
            + "time, so together they cost 30 ms."),
        QuizChoice.time(
          60_000,
          because: "That would make the first two overlap too: but `await fetch(1)` finishes before "
            + "fetch(2) is even called."),
        QuizChoice.time(
          30_000,
          because: "Only if all four ran at once: each await in main stops main until its fetch is done."),
      ])
  ]
}
