import Foundation

/// The process's open fds of the kinds the epoll backend creates (sockets,
/// epoll instances, eventfds), read from /proc/self/fd.
///
/// Only those kinds are counted: tests of other targets run in the same
/// process at the same time and open files and pipes of their own.
enum OpenFds {
  /// fd -> what it is ("socket:[123]", "anon_inode:[eventpoll]", ...).
  /// Foundation's `Process` opens a socketpair on its first use and keeps it
  /// for the life of the process; the CLI tests (same process) start
  /// children at any moment, so that pair must exist before any snapshot or
  /// it shows up as a leak of whichever epoll test is running then.
  private static let processMonitorStarted: Bool = {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return true
  }()

  /// libdispatch makes its event loop (an epoll instance and an eventfd,
  /// kept for the life of the process) the first time anything uses a
  /// dispatch timer or source. Whichever test does that first, made while an
  /// epoll test runs, would be read as that test's leak; made here, before
  /// any snapshot, it never is.
  private static let dispatchLoopStarted: Bool = {
    let fired = DispatchSemaphore(value: 0)
    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(1)) { fired.signal() }
    return fired.wait(timeout: .now() + .seconds(5)) == .success
  }()

  static func snapshot() -> [Int32: String] {
    _ = processMonitorStarted
    _ = dispatchLoopStarted
    var result: [Int32: String] = [:]
    let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for name in names {
      guard let fd = Int32(name),
        let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)")
      else { continue }
      if target.hasPrefix("socket:") || target.hasSuffix("[eventpoll]") || target.hasSuffix("[eventfd]") {
        result[fd] = target
      }
    }
    return result
  }

  /// Entries of `after` that were not open in `before`, re-read for up to
  /// two seconds to let a test of another target close what it had open for
  /// a moment (Foundation's `Process`, run by the CLI tests, holds a socket
  /// in this process while its child runs). A real leak stays open forever.
  static func leaked(since before: [Int32: String]) -> [Int32: String] {
    var extra: [Int32: String] = [:]
    for attempt in 0..<40 {
      if attempt > 0 { usleep(50_000) }
      extra = snapshot().filter { before[$0.key] != $0.value }
      if extra.isEmpty { break }
    }
    return extra
  }

  /// Number of entries in /proc/self/fd, of every kind.
  static func count() -> Int {
    ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
  }
}
