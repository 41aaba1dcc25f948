extension RandomAccessCollection {
  /// The first position whose element is not `before` (`endIndex` when every
  /// one is), for a collection where every element that is `before` comes
  /// first: a binary search, as the history's step index, the reactor's
  /// timers and interest list, and the output panel's line index need.
  /// Inlinable, so that the reducer's per-event searches are specialised.
  @inlinable
  public func partitionPoint(where before: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var length = count
    while length > 0 {
      let half = length / 2
      let middle = index(low, offsetBy: half)
      if try before(self[middle]) {
        low = index(after: middle)
        length -= half + 1
      } else {
        length = half
      }
    }
    return low
  }
}
