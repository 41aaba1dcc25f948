import AsyncVizRuntime

/// Real time on a shared machine: a thread can be descheduled for several
/// milliseconds, and two answers due 5 ms apart then reach the executor in
/// one wait. A comparison with the sim is therefore tried up to `attempts`
/// times; a backend that gets the logic wrong fails every attempt.
enum RealTime {
  /// Tries per comparison.
  static let attempts = 3

  /// Runs `body` until its result equals `expected` (at most `attempts`
  /// times) and returns the last result.
  static func agreeing<T: Equatable>(
    with expected: T, _ body: () throws(BackendError) -> T
  ) throws(BackendError) -> T {
    var result = try body()
    var tries = 1
    while result != expected && tries < attempts {
      result = try body()
      tries += 1
    }
    return result
  }
}
