import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizUI

/// A live feed over a runtime, as the command line builds one: each advance
/// runs one scheduling action and copies what it recorded.
final class RuntimeFeed: TraceFeed {
  let runtime: Runtime
  private(set) var trace: Trace
  private(set) var advances = 0

  init(_ runtime: Runtime) {
    self.runtime = runtime
    trace = runtime.trace
  }

  var isLive: Bool { runtime.end == nil }

  func advance() -> Bool {
    advances += 1
    let outcome = runtime.step()
    runtime.appendNew(into: &trace)
    if case .finished = outcome { return false }
    return true
  }
}

extension ViewerModel {
  /// Applies actions in order (ignoring effects).
  mutating func apply(_ actions: [ViewerAction], feed: any TraceFeed) {
    for action in actions { _ = handle(action, feed: feed) }
  }

  /// Applies actions in order and gives the task selected after each.
  mutating func selections(after actions: [ViewerAction], feed: any TraceFeed) -> [TaskID] {
    actions.map { action in
      _ = handle(action, feed: feed)
      return selected
    }
  }

  /// Steps forward `n` times.
  mutating func forward(_ n: Int, feed: any TraceFeed) {
    apply(Array(repeating: .stepForward, count: n), feed: feed)
  }
}
