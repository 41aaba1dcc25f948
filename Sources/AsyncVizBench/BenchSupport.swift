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

/// What the kernel did for this thread so far: page faults served without
/// I/O (`ru_minflt`) and system CPU time. A traced run writes its events into
/// memory never touched before, and each new 4 KB page is a fault.
struct ThreadKernelUsage {
  /// Page faults served from memory.
  var minorFaults: Int
  /// CPU time spent in the kernel for the thread.
  var systemNanoseconds: Int64

  /// This thread's usage so far.
  static func now() -> ThreadKernelUsage {
    var usage = rusage()
    // RUSAGE_THREAD (1): Swift's Glibc module hides the name behind _GNU_SOURCE.
    getrusage(1, &usage)
    let sys = Int64(usage.ru_stime.tv_sec) &* 1_000_000_000 &+ Int64(usage.ru_stime.tv_usec) &* 1000
    return ThreadKernelUsage(minorFaults: usage.ru_minflt, systemNanoseconds: sys)
  }

  /// The usage between `start` and this reading.
  func since(_ start: ThreadKernelUsage) -> ThreadKernelUsage {
    ThreadKernelUsage(
      minorFaults: minorFaults - start.minorFaults,
      systemNanoseconds: systemNanoseconds - start.systemNanoseconds)
  }
}
