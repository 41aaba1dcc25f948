import AsyncVizTrace
import AsyncVizTraceState

/// The questions of one quiz: chosen from a run's candidates and put in
/// order by a seed, so that the same seed gives the same quiz.
public struct QuizPlan: Sendable {
  /// Questions asked by default.
  public static let defaultCount = 6

  /// The seed that chose them.
  public let seed: UInt64
  /// The chosen questions, in the order of their steps, answers shuffled.
  public let questions: [QuizQuestion]

  /// A quiz of up to `count` questions about `history`'s run, with the
  /// lesson's own questions the trace agrees with.
  public init(
    history: TraceHistory, seed: UInt64, count: Int = QuizPlan.defaultCount, lesson: [LessonQuestion] = []
  ) {
    self.init(
      candidates: QuestionGenerator.candidates(for: history, lesson: lesson), seed: seed, count: count)
  }

  /// Up to `count` of `candidates`: each kind in turn (the kinds in a seeded
  /// order, a seeded pick within each), so that a quiz mixes the concepts;
  /// then sorted by step, each question's answers in a seeded order.
  public init(candidates: [QuizQuestion], seed: UInt64, count: Int) {
    self.seed = seed
    var random = SeededRandom(seed: seed)
    // A lesson's own questions come first in their kind: they were written for this demo.
    var pools = QuestionKind.allCases.map { kind in
      let pool = random.shuffled(candidates.indices.filter { candidates[$0].kind == kind })
      return pool.filter { candidates[$0].fromLesson } + pool.filter { !candidates[$0].fromLesson }
    }
    let kindOrder = random.shuffled(Array(pools.indices))
    // One question about each step at most: two would give each other away
    // ("which task is polled?" and "what does #2's poll return?").
    var chosen: [Int] = []
    var stepsAsked: Set<UInt32> = []
    while chosen.count < count, pools.contains(where: { !$0.isEmpty }) {
      for k in kindOrder where chosen.count < count && !pools[k].isEmpty {
        let i = pools[k].removeFirst()
        let question = candidates[i]
        if question.kind.isAboutOneStep {
          guard stepsAsked.insert(question.askedAtStep).inserted else { continue }
        }
        chosen.append(i)
      }
    }
    // Candidates are in step order already: sorting the indices keeps it.
    questions = chosen.sorted().map { i in
      candidates[i].reordered(random.shuffled(Array(candidates[i].choices.indices)))
    }
  }

  /// The questions asked while `step` is shown.
  public func questions(atStep step: UInt32) -> [Int] {
    questions.indices.filter { questions[$0].askedAtStep == step }
  }
}
