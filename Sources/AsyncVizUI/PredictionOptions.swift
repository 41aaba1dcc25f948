import AsyncVizQuiz

/// How the view's prediction mode chooses its questions.
public struct PredictionOptions: Sendable, Equatable {
  /// The quiz's seed: the same seed asks the same questions.
  public var seed: UInt64
  /// Questions over the whole run.
  public var count: Int
  /// The demo's lesson's own questions, asked where the trace agrees.
  public var lesson: [LessonQuestion] = []

  /// Options; the defaults are those of `p` in the view.
  public init(seed: UInt64 = 1, count: Int = 12) {
    self.seed = seed
    self.count = count
  }
}
