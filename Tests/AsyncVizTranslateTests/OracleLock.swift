import Foundation

/// Held while an oracle builds and runs its programs, so they never overlap:
/// the Go and Node programs run in real time, and a cargo build alongside
/// (both cores busy for a minute) made a Go program's wakeups 5+ ms late and flip.
enum OracleLock {
  static let lock = NSLock()
}
