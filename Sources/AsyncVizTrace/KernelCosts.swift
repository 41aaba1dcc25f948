/// What the threads model charges for threads, and the scheduler's numbers:
/// Linux x86-64 defaults (the sources are in docs/decisions.md, "The threads
/// model's numbers"). The kernel, the reducer's gauges and `compare` all read
/// them here, so a trace's memory figures follow from its thread counts.
public enum KernelCosts {
  /// Address space reserved for each thread's stack: glibc's pthread_create
  /// uses RLIMIT_STACK, 8 MiB by default (`ulimit -s` prints 8192).
  public static let reservedStackBytes: Int64 = 8 << 20
  /// Stack pages a thread of a small program touches (two 4 KiB pages: the
  /// frames of a few calls and glibc's thread start; the rest of the
  /// reservation is never faulted in).
  public static let residentStackBytes: Int64 = 8 << 10
  /// The kernel stack of each thread (THREAD_SIZE, 16 KiB on x86-64 since Linux 3.15).
  public static let kernelStackBytes: Int64 = 16 << 10
  /// One context switch: saving and loading registers, switching stacks,
  /// and the cache and TLB refill after it (a few microseconds measured
  /// between threads of one process).
  public static let contextSwitchUs: Int64 = 3
  /// CFS's target latency with 2 CPUs (sched_latency_ns 6 ms times 1 + log2(CPUs)).
  public static let schedLatencyUs: Int64 = 12_000
  /// CFS's minimum slice with 2 CPUs (sched_min_granularity_ns 0.75 ms times 1 + log2(CPUs)).
  public static let minGranularityUs: Int64 = 1_500
  /// CPUs the model has unless `--cpus` says otherwise.
  public static let defaultCPUs = 2

  /// The time slice a thread gets when `runnable` threads share its CPU:
  /// the target latency shared out, never below the minimum slice.
  public static func sliceUs(runnable: Int) -> Int64 {
    max(minGranularityUs, schedLatencyUs / Int64(max(1, runnable)))
  }

  /// Resident bytes of `threads` threads (user stack pages plus kernel stacks).
  public static func residentBytes(threads: Int) -> Int64 {
    Int64(threads) * (residentStackBytes + kernelStackBytes)
  }

  /// Address space reserved for `threads` threads' stacks.
  public static func reservedBytes(threads: Int) -> Int64 { Int64(threads) * reservedStackBytes }
}

extension KernelCosts {
  /// "8 MiB", "24 KiB", "512 B": a byte count in the largest binary unit
  /// that keeps it at least 1 (one decimal below 10).
  public static func bytesText(_ bytes: Int64) -> String {
    let units: [(Int64, String)] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
    for (size, unit) in units where bytes >= size {
      let value = Double(bytes) / Double(size)
      if value < 10 && bytes % size != 0 {
        return "\((value * 10).rounded() / 10) \(unit)"
      }
      return "\(Int64(value.rounded())) \(unit)"
    }
    return "\(bytes) B"
  }
}
