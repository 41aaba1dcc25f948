import AsyncVizTrace

/// What a thread does next when its code runs on a CPU: the thread's body
/// (the program's driver) returns one of these each time the kernel runs it.
public enum ThreadAction {
  /// Computes for this long on its CPU (preemptible at the end of a slice).
  case compute(Int64)
  /// Enters the kernel and blocks on `awaiting` at `line` (a read, nanosleep,
  /// a futex) until `Kernel.wake` or, if `afterUs` is set, that much later.
  case block(line: Int32, awaiting: Awaited, afterUs: Int64?)
  /// A resource call at `line`: a blocking write of the request, then a read
  /// that sleeps in the kernel until the reply (the simulated kernel: until
  /// the resource's latency has passed).
  case request(line: Int32, awaiting: Awaited, ResourceRequest)
  /// sched_yield: back to the tail of its run queue if another thread waits there.
  case yield(line: Int32)
  /// The thread function returned: the thread exits.
  case exit
}
