import AsyncVizRuntime
import CEpoll
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The threads model run for real: `count` pthreads (default attributes:
/// the 8 MiB stack RLIMIT_STACK gives), each making one request the
/// blocking way (a write of its request to the peer, then a read that
/// sleeps in the kernel until the reply), against a peer thread that
/// answers each request `latencyNs` after it arrived; main joins them all.
/// What the process cost is measured from the kernel: resident memory,
/// threads, context switches. Simplified: the requests share one pipe to
/// the peer and each reply is an eventfd write (one descriptor per thread,
/// so 10,000 threads fit under a 20,000-descriptor limit).
public enum BlockingThreadsRun {
  /// What one run measured.
  public struct Figures: Sendable {
    public var threads: Int
    /// Threads of the process while every worker was blocked (from /proc/self/status).
    public var peakThreads: Int
    /// Peak resident set size in bytes (VmHWM).
    public var peakRSSBytes: Int
    public var voluntarySwitches: Int
    public var involuntarySwitches: Int
    public var seconds: Double
  }

  /// What the threads share: the pipe to the peer, each thread's eventfd, the counters.
  private final class Shared: Sendable {
    let requestFD: Int32
    let replyFDs: [Int32]
    let started = Atomic<Int>(0)
    let served = Atomic<Int>(0)
    init(requestFD: Int32, replyFDs: [Int32]) {
      self.requestFD = requestFD
      self.replyFDs = replyFDs
    }
  }

  /// Runs `count` blocking threads against a peer with `latencyNs`.
  public static func run(count: Int, latencyNs: Int64) throws(BackendError) -> Figures {
    var pipeFDs: [Int32] = [0, 0]
    guard pipe(&pipeFDs) == 0 else { throw BackendError(Syscall.describe("pipe", errno: errno)) }
    var replies: [Int32] = []
    for _ in 0..<count {
      let fd = eventfd(0, Int32(EFD_CLOEXEC))
      guard fd >= 0 else {
        let error = errno
        for r in replies { Syscall.close(r) }
        throw BackendError(Syscall.describe("eventfd", errno: error))
      }
      replies.append(fd)
    }
    defer {
      for r in replies { Syscall.close(r) }
      Syscall.close(pipeFDs[0])
      Syscall.close(pipeFDs[1])
    }
    let shared = Shared(requestFD: pipeFDs[1], replyFDs: replies)
    let start = Monotonic.nanoseconds()
    let argument = PeerArgument(readFD: pipeFDs[0], replyFDs: replies, count: count, latencyNs: latencyNs)
    let peer = try Syscall.startThread { serve(argument) }
    var workers: [pthread_t] = []
    for i in 0..<count {
      workers.append(try Syscall.startThread { work(shared, index: Int32(i)) })
    }
    // Every worker has written its request and is (about to be) blocked in read.
    while shared.started.load(ordering: .acquiring) < count { usleep(200) }
    let peakThreads = Self.status("Threads:") ?? 0
    for w in workers { pthread_join(w, nil) }
    pthread_join(peer, nil)
    let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Figures(
      threads: count, peakThreads: peakThreads, peakRSSBytes: (Self.status("VmHWM:") ?? 0) * 1024,
      voluntarySwitches: usage.ru_nvcsw, involuntarySwitches: usage.ru_nivcsw, seconds: seconds)
  }

  /// A field of /proc/self/status as a number ("Threads:", "VmHWM:" in kB).
  public static func status(_ field: String) -> Int? { ProcStatus.field(field) }

  /// The peer's argument.
  private struct PeerArgument {
    let readFD: Int32
    let replyFDs: [Int32]
    let count: Int
    let latencyNs: Int64
  }

  /// A worker: one blocking request, the blocking way.
  private static func work(_ shared: Shared, index: Int32) {
    var request = index
    _ = withUnsafeBytes(of: &request) { write(shared.requestFD, $0.baseAddress, 4) }
    _ = shared.started.add(1, ordering: .releasing)
    var reply: UInt64 = 0
    while read(shared.replyFDs[Int(index)], &reply, 8) < 0 && errno == EINTR {}
    _ = shared.served.add(1, ordering: .releasing)
  }

  /// The peer: reads requests as they come and answers them in arrival
  /// order, `latencyNs` after the last one arrived: so every thread is
  /// blocked at once, as all the model's handlers are (creating 10,000
  /// threads takes longer than one 50 ms latency).
  private static func serve(_ p: PeerArgument) {
    var due: [(atNs: Int64, index: Int32)] = []
    var next = 0
    var answered = 0
    var buffer = [Int32](repeating: 0, count: 1024)
    var carry: [UInt8] = []
    while answered < p.count {
      let now = Monotonic.nanoseconds()
      while due.count == p.count && next < due.count && due[next].atNs <= now {
        var one: UInt64 = 1
        _ = write(p.replyFDs[Int(due[next].index)], &one, 8)
        next += 1
        answered += 1
      }
      if answered == p.count { break }
      let waitMs =
        due.count == p.count && next < due.count
        ? Int32(max(0, (due[next].atNs - now + 999_999) / 1_000_000)) : -1
      var pfd = pollfd(fd: p.readFD, events: Int16(POLLIN), revents: 0)
      guard poll(&pfd, 1, waitMs) > 0 else { continue }
      let n = buffer.withUnsafeMutableBytes { read(p.readFD, $0.baseAddress, $0.count) }
      guard n > 0 else { continue }
      let arrived = Monotonic.nanoseconds()
      buffer.withUnsafeBytes { carry.append(contentsOf: $0.prefix(n)) }
      let whole = carry.count / 4 * 4
      carry.prefix(whole).withUnsafeBytes { raw in
        for i in stride(from: 0, to: whole, by: 4) {
          due.append((arrived + p.latencyNs, raw.loadUnaligned(fromByteOffset: i, as: Int32.self)))
        }
      }
      carry.removeFirst(whole)
      if due.count == p.count {
        for i in due.indices { due[i].atNs = arrived + p.latencyNs }
      }
    }
  }
}
