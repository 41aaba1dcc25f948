/// A timed event on the kernel's timeline: the end of a CPU's computation,
/// or a timed wake-up (nanosleep, a reply arriving on a socket, a futex
/// wait's timeout). Events due at the same moment happen in the order they
/// were set.
enum KernelEvent {
  /// Thread `thread` wakes, unless it has blocked again since (`token` tells).
  case wake(thread: Int, token: UInt64)
  /// CPU `cpu`'s chunk of work ends, unless another chunk replaced it (`token` tells).
  case chunkEnd(cpu: Int, token: UInt64)
}
