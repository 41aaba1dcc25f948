import AsyncVizPosix
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

/// Work done per second, measured two ways: per second of wall-clock time,
/// and per second of this thread's CPU time (steady on a loaded machine).
struct Rate {
  var wall: Double
  var cpu: Double

  /// `count` over the times a stopwatch read.
  init(_ count: some BinaryInteger, in time: Stopwatch.Elapsed) {
    wall = Double(count) / time.seconds
    cpu = Double(count) / time.cpuSeconds
  }
}

/// The wall clock and this thread's CPU time, both from one start.
struct Stopwatch {
  /// The time since the start, by each clock, in seconds.
  struct Elapsed {
    let seconds: Double
    let cpuSeconds: Double
  }

  private let start = Monotonic.nanoseconds()
  private let cpuStart = threadCPUNanoseconds()

  /// Both clocks read now.
  func elapsed() -> Elapsed {
    let cpuSeconds = Double(threadCPUNanoseconds() - cpuStart) / 1e9
    return Elapsed(seconds: Double(Monotonic.nanoseconds() - start) / 1e9, cpuSeconds: cpuSeconds)
  }
}

/// What this thread has used so far: its CPU time, and what the kernel did
/// for it: page faults served without I/O (`ru_minflt`) and system CPU
/// time. A traced run writes its events into memory never touched before,
/// and each new 4 KB page is a fault.
struct ThreadUsage {
  /// CPU time, system time included.
  var cpuNanoseconds: Int64
  /// Page faults served from memory.
  var minorFaults: Int
  /// CPU time spent in the kernel for the thread.
  var systemNanoseconds: Int64

  /// The share of the CPU time spent in the kernel.
  var kernelShare: Double { Double(systemNanoseconds) / Double(max(1, cpuNanoseconds)) }

  /// This thread's usage so far.
  static func now() -> ThreadUsage {
    var usage = rusage()
    // RUSAGE_THREAD (1): Swift's Glibc module hides the name behind _GNU_SOURCE.
    getrusage(1, &usage)
    let sys = Int64(usage.ru_stime.tv_sec) &* 1_000_000_000 &+ Int64(usage.ru_stime.tv_usec) &* 1000
    return ThreadUsage(
      cpuNanoseconds: threadCPUNanoseconds(), minorFaults: usage.ru_minflt, systemNanoseconds: sys)
  }

  /// The usage between `start` and this reading.
  func since(_ start: ThreadUsage) -> ThreadUsage {
    ThreadUsage(
      cpuNanoseconds: cpuNanoseconds - start.cpuNanoseconds, minorFaults: minorFaults - start.minorFaults,
      systemNanoseconds: systemNanoseconds - start.systemNanoseconds)
  }
}
