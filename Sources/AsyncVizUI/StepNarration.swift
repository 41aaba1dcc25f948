/// The notes of one step, as the narration panel shows them.
public struct StepNarration: Equatable, Sendable {
  /// The step.
  public var step: UInt32
  /// The first notes of the step, in event order.
  public var notes: [String]
  /// Notes of the step left out (a reactor turn may wake hundreds of tasks).
  public var omitted: Int
}
