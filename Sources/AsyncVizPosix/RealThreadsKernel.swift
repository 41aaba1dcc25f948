import AsyncVizRuntime
import AsyncVizThreadsRuntime
import AsyncVizTrace
import CEpoll
import Glibc

/// The threads model run for real: one pthread per program thread (default
/// attributes, so the 8 MiB stack RLIMIT_STACK gives), a resource call is a
/// blocking `sendto` + `recv` on the thread's own socket to a server thread
/// (`DatagramPeer`), `sleep` and `block` are a real nanosleep, `yield_now`
/// is sched_yield, `work` spins on the CPU, and a join or a channel wait is
/// a real condition-variable (futex) wait. The kernel schedules them; the
/// process's memory, threads and context switches are the kernel's figures.
///
/// Simplified for teaching, as CPython does: the interpreter is not
/// thread-safe, so a thread holds one global interpreter lock (`gil`)
/// while it runs program code and releases it around every blocking call
/// and every computation. The blocking, the stacks, the thread count and
/// the context switches stay real; only the program's own instructions are
/// serialised (they take microseconds). The channels' mutex is the same
/// lock, and each thread's condition variable waits on it.
public final class RealThreadsKernel: ThreadsKernel, TraceRecording, @unchecked Sendable {
  // @unchecked: every mutable field is read and written only while holding
  // `gil` (init and the caller of `run` before it starts threads included).
  public var recorder: TraceRecorder
  public var keepAlive: AnyObject?
  public var onRunStart: (() -> Void)?
  public var onThreadExit: ((TaskID) -> Void)?
  /// Set once the run has ended.
  public private(set) var end: RunEnd?
  /// Program threads alive now, and the most alive at once.
  public internal(set) var census = ThreadCensus()
  /// The process's threads (/proc/self/status) read when the most program
  /// threads were alive and one of them blocked: program threads plus the
  /// caller's, the server's and the language runtime's own.
  public private(set) var peakOSThreads = 0
  /// Set when the run stopped at the thread cap or a thread could not be
  /// created: what to tell the user.
  public private(set) var refusal: String?
  /// The most program threads this kernel will create (creating more ends
  /// the run with an error).
  public let threadCap: Int

  let gil: UnsafeMutablePointer<pthread_mutex_t>
  private let finished: UnsafeMutablePointer<pthread_cond_t>
  var threads: [RealThread] = []
  let peer: DatagramPeer
  private var started = false
  private var startNs: Int64
  let maxSteps: UInt32
  private var failed = false
  /// Threads in a condition-variable wait with no deadline: when every live
  /// thread is, nothing can ever wake one (the run is stuck).
  var foreverWaiters = 0
  /// OS threads started and not yet returned.
  private var running = 0
  private var sampledLevel = 0

  /// The most threads a run may create: 20,000, or fewer if RLIMIT_NPROC
  /// (threads count as processes) leaves less room.
  public static var defaultCap: Int {
    var limit = rlimit()
    getrlimit(__rlimit_resource_t(__RLIMIT_NPROC.rawValue), &limit)
    let nproc = Int(clamping: limit.rlim_cur)
    return max(1, min(20_000, nproc - 256))
  }

  /// A kernel for `program` whose resources `resources` are served by a
  /// real server thread; nothing runs until `run`.
  public init(
    program: ProgramInfo, resources: [ResourceSpec], maxSteps: UInt32 = 100_000, tracing: Bool = true,
    threadCap: Int = RealThreadsKernel.defaultCap
  ) throws(BackendError) {
    var info = program
    info.model = .threads
    info.backend = .epoll
    recorder = TraceRecorder(program: info, enabled: tracing)
    self.maxSteps = maxSteps
    self.threadCap = threadCap
    peer = try DatagramPeer(resources: resources)
    gil = .allocate(capacity: 1)
    pthread_mutex_init(gil, nil)
    finished = .allocate(capacity: 1)
    Self.initMonotonic(finished)
    startNs = Monotonic.nanoseconds()
  }

  deinit {
    pthread_mutex_destroy(gil)
    gil.deallocate()
    pthread_cond_destroy(finished)
    finished.deallocate()
  }

  /// A condition variable whose timed waits read CLOCK_MONOTONIC.
  static func initMonotonic(_ cond: UnsafeMutablePointer<pthread_cond_t>) {
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(cond, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  public var now: Int64 { (Monotonic.nanoseconds() - startNs) / 1_000 }
  public func fail() { failed = true }

  public func create(_ name: String, by parent: TaskID?, body: @escaping () -> ThreadAction) -> TaskID {
    let id = recordSpawn(name, by: parent)
    threads.append(RealThread(body: body))
    census.created()
    if started { startThread(threads.count - 1) }
    return id
  }

  public func wake(_ task: TaskID) {
    let thread = threads[Int(task.rawValue) - 1]
    guard case .waiting(let forever) = thread.wait else { return }
    if forever { foreverWaiters -= 1 }
    thread.wait = .woken
    pthread_cond_signal(thread.cond)
  }

  /// Runs the program to its end on real threads and returns how it ended.
  /// Threads still blocked then are woken to exit (a socket shut down, a
  /// condition signalled); one in a long nanosleep is left to end with the
  /// process, as exit() ends every thread.
  @discardableResult
  public func run() -> RunEnd {
    pthread_mutex_lock(gil)
    started = true
    startNs = Monotonic.nanoseconds()
    for t in threads.indices { startThread(t) }
    while end == nil { pthread_cond_wait(finished, gil) }
    var deadline = Self.deadline(afterNs: 2_000_000_000)
    while running > 0 && pthread_cond_timedwait(finished, gil, &deadline) != ETIMEDOUT {}
    let result = end ?? RunEnd(reason: .error, steps: recorder.step, tUs: now)
    pthread_mutex_unlock(gil)
    peer.stop()
    return result
  }

  // MARK: the threads

  private func startThread(_ t: Int) {
    guard t < threadCap else {
      refusal =
        "the real threads run creates at most \(threadCap) threads (one per task; "
        + "the cap keeps the machine usable), and this program wants more"
      refuse("pthread_create refused: the cap of \(threadCap) threads")
      return
    }
    let handle: pthread_t
    do {
      handle = try Syscall.startThread { self.threadMain(t) }
    } catch {
      refusal = "thread \(t + 1) could not be created: \(error.message)"
      refuse(error.message)
      return
    }
    pthread_detach(handle)
    running += 1
  }

  /// A thread could not be created: the run ends with an error line.
  func refuse(_ why: String) {
    record(.output(task: TaskID(1), text: intern("error: \(why); the run stops here")))
    failed = true
    finish(nil)
  }

  /// A thread's life: it takes the lock, runs its code up to each blocking
  /// point, and returns when it exits or the run is over.
  func threadMain(_ t: Int) {
    _ = cepoll_block_all_signals()
    pthread_mutex_lock(gil)
    runCode(t)
    threads[t].client?.close()
    threads[t].client = nil
    running -= 1
    pthread_cond_broadcast(finished)
    pthread_mutex_unlock(gil)
  }

  /// The CPU the calling thread runs on (0 if the kernel will not say).
  func cpu() -> Int32 { Int32(max(0, cepoll_current_cpu())) }

  /// Every live thread waits with no deadline: nothing can wake any (a lost waker, a deadlock).
  func checkStuck() {
    if census.live > 0 && foreverWaiters == census.live { finish(nil) }
  }

  /// Reads the process's thread count when a new peak of program threads blocks.
  func sampleThreads() {
    guard census.peak > sampledLevel else { return }
    sampledLevel = census.peak
    peakOSThreads = max(peakOSThreads, ProcStatus.field("Threads:") ?? 0)
  }

  /// Ends the run (once): `completed` when main's thread exited, else
  /// `stuck`, or `maxSteps`, `error`. Every blocked thread is woken to exit.
  func finish(_ natural: EndReason?) {
    guard end == nil else { return }
    let mainExited = threads.first?.exited == true
    if mainExited {
      for (t, thread) in threads.enumerated() where !thread.exited {
        record(.taskDrop(task: TaskID(UInt32(t + 1))))
      }
    }
    let reason = EndReason(failed: failed, stop: natural, otherwise: mainExited ? .completed : .stuck)
    let stuck =
      mainExited || reason == .maxSteps
      ? [] : threads.indices.filter { !threads[$0].exited }.map { TaskID(UInt32($0 + 1)) }
    let end = RunEnd(reason: reason, steps: recorder.step, tUs: now, stuckTasks: stuck)
    self.end = end
    recorder.trace.end = end
    for thread in threads {
      thread.client?.shutDown()
      pthread_cond_signal(thread.cond)
    }
    pthread_cond_broadcast(finished)
  }

  /// A CLOCK_MONOTONIC deadline `ns` from now.
  static func deadline(afterNs ns: Int64) -> timespec {
    let at = Monotonic.nanoseconds() + max(0, ns)
    return timespec(tv_sec: Int(at / 1_000_000_000), tv_nsec: Int(at % 1_000_000_000))
  }

  /// `work(D)`: the thread computes on its CPU for `us` (a loop reading the clock).
  static func spin(_ us: Int64) {
    let until = Monotonic.nanoseconds() + us * 1_000
    while Monotonic.nanoseconds() < until {}
  }
}
