/// How many of a kernel's threads are alive now, and the most alive at once
/// (the simulated kernel and the real one count them alike).
public struct ThreadCensus: Sendable {
  /// Threads created and not yet exited.
  public private(set) var live = 0
  /// The most alive at once.
  public private(set) var peak = 0

  public init() {}

  /// A thread was created.
  public mutating func created() {
    live += 1
    peak = max(peak, live)
  }

  /// A thread exited (or ended with the process).
  public mutating func exited() { live -= 1 }
}
