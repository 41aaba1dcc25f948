import AsyncVizTrace
import AsyncVizTraceState

/// Every question the rules can ask about a run, in step order. Questions
/// come from the trace, never from per-demo banks, so they work for any
/// program; each states its correct answer as the trace gives it.
public enum QuestionGenerator {
  /// The rules about the step after a shown one.
  static var stepRules: [any StepRule.Type] {
    [NextPollRule.self, ReactorWakesRule.self, PollResultRule.self, WakeSourceRule.self]
  }
  /// The rules about the whole run.
  static var runRules: [any RunRule.Type] { [EndClockRule.self, FirstOutputRule.self, RunEndRule.self] }

  /// Steps looked at, from the start: a quiz asks a handful of questions,
  /// and a long run must not cost a pass of the rules over every step.
  public static let stepLimit: UInt32 = 300

  /// Every question about `history`'s run (which must be complete for the
  /// questions about its end); a `lesson` question the trace agrees with
  /// takes the place of the rule's question of the same kind and step.
  public static func candidates(for history: TraceHistory, lesson: [LessonQuestion] = []) -> [QuizQuestion] {
    // The rules speak tokio's scheduler; a node or go trace gets no question
    // rather than a false one.
    guard history.trace.program.model == .rust else { return [] }
    var result = generated(for: history)
    for written in lesson {
      if let i = result.firstIndex(where: { written.replacing($0) != nil }),
        let question = written.replacing(result[i])
      {
        result[i] = question
      }
    }
    return result
  }

  /// The rules' questions.
  static func generated(for history: TraceHistory) -> [QuizQuestion] {
    let run = QuizRun(history: history)
    var result: [QuizQuestion] = []
    if history.isComplete {
      for rule in runRules { result += rule.questions(in: run) }
    }
    // One pass of the reducer: the state after each step becomes the state
    // before the next.
    var after = TraceState()
    let last = min(history.lastStep, stepLimit)
    var step: UInt32 = 0
    TraceReducer.apply(history.trace.events, upTo: history.eventEnd(ofStep: 0), to: &after)
    while step < last {
      let before = after
      TraceReducer.apply(history.trace.events, upTo: history.eventEnd(ofStep: step + 1), to: &after)
      let window = StepWindow(
        step: step, before: before, after: after, events: history.events(ofStep: step + 1), run: run)
      for rule in stepRules { result += rule.questions(at: window) }
      step += 1
    }
    // Sorted by step, keeping the rules' order within a step.
    return result.filter { $0.choices.count >= 3 }.enumerated()
      .sorted { ($0.element.askedAtStep, $0.offset) < ($1.element.askedAtStep, $1.offset) }.map(\.element)
  }
}
