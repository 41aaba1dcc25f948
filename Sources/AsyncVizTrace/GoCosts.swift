/// What the go model charges for goroutines, and the scheduler's numbers
/// its narration states. The scheduler, `compare`'s memory column, the
/// transcript's costs and the notes all read them here, so the figures
/// cannot drift apart.
public enum GoCosts {
  /// A new goroutine's stack (Go's `_StackMin`, runtime/stack.go); the go
  /// model does not grow stacks, so this is each live goroutine's share.
  public static let stackBytes: Int64 = 2048
  /// sysmon preempts a goroutine that has run this long (`forcePreemptNS`,
  /// runtime/proc.go).
  public static let preemptAfterUs: Int64 = 10_000
  /// `schedule` looks at the global run queue first on every schedtick that
  /// is a multiple of this (runtime/proc.go `findRunnable`, `schedtick%61`).
  public static let globalQueueEvery: UInt32 = 61
  /// A P's local run queue's slots (runtime/runtime2.go `runq [256]guintptr`);
  /// a put that finds it full moves half of it to the global queue.
  public static let localQueueCapacity = 256
}
