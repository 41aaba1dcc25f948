import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Nanoseconds from the monotonic clock.
func monotonicNanos() -> UInt64 {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

/// "12.34" for 12,340,000.
func millions(_ rate: Double) -> String { String(format: "%.2f", rate / 1e6) }
