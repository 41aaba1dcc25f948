/// SplitMix64: a small, fast generator whose sequence depends only on the
/// seed, on every platform and Swift version, so a seed replays a program
/// (the program generator) or a quiz (its questions and their answers' order).
public struct SeededRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  /// A generator starting from `seed`.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// An integer in `range`, from this generator only (the standard library's
  /// `Int.random(in:using:)` could change its algorithm between versions).
  public mutating func int(_ range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
  }

  /// True with probability `percent` / 100.
  public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

  /// One of `items`.
  public mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

  /// `items` in an order drawn from this generator only (Fisher-Yates), for
  /// the same reason as `int`.
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    var i = result.count - 1
    while i > 0 {
      result.swapAt(i, int(0...i))
      i -= 1
    }
    return result
  }
}
