import Foundation

/// "12.34" for 12,340,000.
func millions(_ rate: Double) -> String { String(format: "%.2f", rate / 1e6) }

/// CPU time this thread has used, in nanoseconds: unlike the wall clock, it
/// does not count the time other processes held the core, so a rate over it
/// holds steady on a loaded machine (it still pays for their cache misses).
func threadCPUNanoseconds() -> Int64 {
  var ts = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
  return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
}
