import AsyncVizTrace

/// The kernel side of the poll phase, for a run on real sockets: libuv's
/// `uv__io_poll` (epoll_wait) and the real clock. Without one the loop runs
/// on a virtual clock and its poll phase only waits for the next timer.
public protocol LoopIO: AnyObject {
  /// Microseconds since the run began (real time).
  var now: Int64 { get }
  /// Lets `us` pass on the JavaScript thread: CPU work, or a blocking call.
  func pass(_ us: Int64, blocking: Bool)
  /// Blocks until a watched fd is ready or `timeoutUs` passes (nil: no
  /// limit); gives the ready fds in the order the kernel reported them.
  func waitReady(timeoutUs: Int64?) -> [Int32]
  /// Releases every kernel object: the loop has ended (the process exits).
  func shutdown()
}

/// A socket the poll phase watches, and the callback to run when it is readable.
struct Watcher {
  var task: TaskID
  var callback: () -> Void
}
