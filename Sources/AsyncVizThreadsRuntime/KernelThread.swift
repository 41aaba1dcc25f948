import AsyncVizTrace

/// One OS thread as the simulated kernel keeps it (its task_struct).
struct KernelThread {
  /// Where the thread is: `runnable -> running -> (blocked | runnable)* -> exited`.
  enum State: Equatable {
    /// On a run queue, waiting for a CPU.
    case runnable
    /// On CPU `cpu`.
    case running(cpu: Int)
    /// Asleep in the kernel; `token` tells a pending timed wake-up of this
    /// block from one of an earlier block.
    case blocked(token: UInt64)
    case exited
  }

  var state = State.runnable
  /// The thread's code: called each time the thread runs after a wake-up,
  /// a spawn or a finished computation.
  var body: () -> ThreadAction
  /// CPU time still owed before the body runs again (a computation, or the
  /// context switch that brought the thread in).
  var workLeftUs: Int64 = 0
  /// The CPU it last ran on (a woken thread goes back there if it can).
  var lastCPU: Int?
}

/// One CPU: the thread it runs, its run queue, and its time slice.
struct KernelCPU {
  var current: Int?
  /// Runnable threads waiting for this CPU, front first (round robin).
  var runQueue: [Int] = []
  /// What is left of the running thread's slice.
  var sliceLeftUs: Int64 = 0
  /// The chunk of work under way (its end is on the timeline), if any.
  var chunkUs: Int64 = 0
  /// Increments whenever the chunk under way is abandoned, so that its
  /// timeline entry is ignored.
  var chunkToken: UInt64 = 0
}
