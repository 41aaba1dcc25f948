import Foundation

/// Held while a real runtime builds or runs programs, so they never overlap:
/// the Go and Node programs run in real time, and a cargo build alongside
/// (both cores busy for a minute) made a Go program's wakeups 5+ ms late and flip.
enum OracleLock {
  static let lock = NSLock()

  /// Runs `work` holding the lock, on a thread of its own, and waits without
  /// holding a thread of the test pool: an oracle waits for its processes for
  /// 15-30 s (and for the lock meanwhile), and on 2 cores the pool has 2
  /// threads, which other tests need (the epoll signal test's sender thread
  /// did not start during its 65 ms run when an oracle held one of them).
  static func exclusive<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try lock.withLock { try work() } }) }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }
}
