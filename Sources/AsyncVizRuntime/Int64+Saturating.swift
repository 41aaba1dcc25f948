extension Int64 {
  /// `self + other`, or Int64.max / Int64.min where that would overflow.
  ///
  /// Clock arithmetic saturates rather than traps: a virtual clock can be
  /// driven arbitrarily far by a long enough run (`block(1s)` in a loop with
  /// large limits), and a trace's readers accept times up to Int64.max. At
  /// the top the clock stays put: every later deadline is due at once.
  @inlinable
  public func saturatingAdding(_ other: Int64) -> Int64 {
    let (sum, overflow) = addingReportingOverflow(other)
    guard overflow else { return sum }
    return other > 0 ? .max : .min
  }

  /// `self * other`, or Int64.max / Int64.min where that would overflow.
  @inlinable
  public func saturatingMultiplied(by other: Int64) -> Int64 {
    let (product, overflow) = multipliedReportingOverflow(by: other)
    guard overflow else { return product }
    return (self < 0) == (other < 0) ? .max : .min
  }
}
