import AsyncVizRuntime
import Glibc

extension Syscall {
  /// Starts a thread (pthread_create with default attributes: the 8 MiB
  /// stack RLIMIT_STACK gives) that runs `body` once and ends. The caller
  /// joins or detaches the handle. On failure nothing was started and the
  /// error names pthread_create's errno.
  static func startThread(_ body: @escaping @Sendable () -> Void) throws(BackendError) -> pthread_t {
    let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
    var handle = pthread_t()
    let code = pthread_create(
      &handle, nil,
      { raw in
        guard let raw else { return nil }
        Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
        return nil
      }, context)
    guard code == 0 else {
      Unmanaged<ThreadBody>.fromOpaque(context).release()
      throw BackendError(describe("pthread_create", errno: code))
    }
    return handle
  }
}

/// A thread's body, boxed so that it crosses pthread_create's `void *`
/// argument; the new thread takes the retain `startThread` made.
private final class ThreadBody {
  let body: @Sendable () -> Void
  init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}
