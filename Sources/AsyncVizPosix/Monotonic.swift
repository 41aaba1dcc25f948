import Glibc

/// CLOCK_MONOTONIC in nanoseconds: the one time base of the executor thread
/// and the peer thread (answer deadlines are compared across them).
public enum Monotonic {
  /// Nanoseconds since an arbitrary fixed point (boot); never goes backwards.
  @inline(__always)
  public static func nanoseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
  }

  /// A relative timeout as the kernel takes it.
  static func relative(nanoseconds ns: Int64) -> Glibc.timespec {
    let clamped = max(0, ns)
    return Glibc.timespec(tv_sec: Int(clamped / 1_000_000_000), tv_nsec: Int(clamped % 1_000_000_000))
  }
}
