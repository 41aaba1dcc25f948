import AsyncVizTrace

/// The JavaScript call stack, as far as async fns go: the frames running
/// now, bottom first. An eager call pushes the callee on top of its caller;
/// an await or a return pops it.
public struct CallStack: Sendable, Equatable {
  /// The frames, bottom first.
  public private(set) var frames: [TaskID] = []

  /// How many frames are on it.
  public var depth: Int { frames.count }

  mutating func push(_ task: TaskID) { frames.append(task) }

  mutating func pop(_ task: TaskID) {
    if let i = frames.lastIndex(of: task) { frames.remove(at: i) }
  }
}
