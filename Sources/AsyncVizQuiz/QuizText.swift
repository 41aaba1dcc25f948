import AsyncVizTrace
import AsyncVizTraceState

/// The words of a quiz that the plain mode and the full-screen view share:
/// answer letters, the verdict, the reveal's narration, the situation.
public enum QuizText {
  /// The letter of answer `i` ("a").
  public static func letter(_ i: Int) -> String {
    String(UnicodeScalar(UInt8(ascii: "a") + UInt8(clamping: i)))
  }

  /// "a) #2 handler".
  public static func choiceLine(_ question: QuizQuestion, _ i: Int) -> String {
    "\(letter(i))) \(TerminalText.visible(question.choices[i].text))"
  }

  /// The answer index `input` names: a letter ("b", "B") or a number from 1;
  /// nil for anything else.
  public static func answerIndex(_ input: String, choices: Int) -> Int? {
    let words = input.lowercased().split(whereSeparator: \.isWhitespace)
    guard words.count == 1 else { return nil }
    let text = words[0]
    if let n = Int(text), n >= 1, n <= choices { return n - 1 }
    guard text.count == 1, let scalar = text.unicodeScalars.first, scalar.isASCII else { return nil }
    let i = Int(scalar.value) - Int(UInt8(ascii: "a"))
    return i >= 0 && i < choices ? i : nil
  }

  /// "Right: a) 65.000 ms." or "Not quite: you chose b); the answer is a) 65.000 ms.",
  /// then why.
  public static func verdict(_ question: QuizQuestion, chosen: Int) -> [String] {
    let right = choiceLine(question, question.correct)
    let head =
      chosen == question.correct
      ? "Right: \(right)." : "Not quite: you chose \(letter(chosen))); the answer is \(right)."
    return [head, "Why: \(question.choices[question.correct].reason)"]
  }

  /// "b) 195.000 ms: That is the sum ...", for every wrong answer.
  public static func otherReasons(_ question: QuizQuestion) -> [String] {
    question.choices.indices.filter { $0 != question.correct }.map {
      "\(choiceLine(question, $0)): \($0 == question.correct ? "" : question.choices[$0].reason)"
    }
  }

  /// The notes of the step that shows the answer, at most `limit`.
  public static func narration(_ question: QuizQuestion, history: TraceHistory, limit: Int = 8) -> [String] {
    let range = history.events(ofStep: question.revealStep)
    var state = history.state(afterEvents: range.lowerBound)
    var notes: [String] = []
    for i in range {
      if notes.count == limit {
        notes.append("(and \(English.count(range.upperBound - i, "more event")))")
        break
      }
      notes.append(TerminalText.visible(state.note(forEvent: i, in: history.trace)))
      TraceReducer.apply(history.trace.events, upTo: i + 1, to: &state)
    }
    return notes
  }

  /// What the screen would show at the question's step, in a few lines (for
  /// the plain mode, which has no panels): the clock, the run queue, what
  /// each waiting task waits on, the timers.
  public static func situation(_ question: QuizQuestion, history: TraceHistory) -> [String] {
    let trace = history.trace
    let run = QuizRun(history: history)
    let state = history.state(afterEvents: history.eventEnd(ofStep: question.askedAtStep))
    guard question.askedAtStep > 0 || state.applied > 0 else { return [] }
    var lines = ["Now, after step \(question.askedAtStep) (t = \(DurationText.instant(state.nowUs))):"]
    let queue = Array(state.runQueue.elements)
    // A long queue shows its front and its back: the two ends a question
    // about the next poll is about.
    let queueText =
      queue.count > 6
      ? queue.prefix(4).map(trace.label).joined(separator: ", ") + ", ... "
        + trace.label(queue[queue.count - 1]) + " (\(queue.count) tasks)"
      : queue.map(trace.label).joined(separator: ", ")
    lines.append("  run queue (front first): \(queue.isEmpty ? "empty" : queueText)")
    if let main = state.blockOnTask, state.blockOnWoken {
      lines.append("  \(trace.label(main)), block_on's own future, was woken")
    }
    let waiting = state.tasks.filter { $0.status == .pending }.map {
      "\(trace.label($0.id)) on \(run.waitText($0))"
    }
    if !waiting.isEmpty { lines.append("  pending: " + shortList(waiting)) }
    let done = state.tasks.filter { $0.status == .done }.map { trace.label($0.id) }
    if !done.isEmpty { lines.append("  done: " + shortList(done)) }
    let timers = state.reactor.timers.map {
      "\(trace.label($0.task)) at \(DurationText.instant($0.deadlineUs))"
    }
    if !timers.isEmpty { lines.append("  timers: " + shortList(timers)) }
    return lines.map(TerminalText.visible)
  }

  /// "a, b, c, d and 6 more": a list kept to one line.
  static func shortList(_ items: [String], limit: Int = 4) -> String {
    items.count > limit + 1
      ? items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
      : items.joined(separator: ", ")
  }
}
