import AsyncVizThreadsRuntime
import Glibc

/// One program thread as the real kernel keeps it.
final class RealThread {
  /// Where it is: running its code (or blocked in a real call), waiting on
  /// its condition variable, or woken from that wait.
  enum Wait {
    case running
    case waiting(forever: Bool)
    case woken
  }

  let body: () -> ThreadAction
  let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
  var wait = Wait.running
  var client: DatagramPeer.Client?
  var exited = false

  init(body: @escaping () -> ThreadAction) {
    self.body = body
    RealThreadsKernel.initMonotonic(cond)
  }

  deinit {
    pthread_cond_destroy(cond)
    cond.deallocate()
  }
}
