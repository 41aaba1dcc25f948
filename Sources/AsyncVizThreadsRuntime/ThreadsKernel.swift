import AsyncVizTrace

/// What the threads model's program driver needs from a kernel: the
/// simulated one (`Kernel`, virtual time, deterministic) or a real one
/// (real pthreads, real blocking calls, wall-clock time). The driver calls
/// it only from the thread running program code.
public protocol ThreadsKernel: AnyObject {
  /// Microseconds since the run started (virtual or real).
  var now: Int64 { get }
  /// Threads alive now, and the most alive at once.
  var census: ThreadCensus { get }
  /// What the program keeps (its driver), held as long as the kernel lives.
  var keepAlive: AnyObject? { get set }
  /// Runs before a thread's code runs: the caller's per-run budgets start over.
  var onRunStart: (() -> Void)? { get set }
  /// Runs after a thread's exit is recorded (futex wakes of its joiners).
  var onThreadExit: ((TaskID) -> Void)? { get set }
  /// Appends an event at the current time.
  func record(_ payload: EventPayload)
  /// Interns a string in the trace.
  func intern(_ text: String) -> StringID
  /// The program did not run as written: the run ends with reason `error`.
  func fail()
  /// pthread_create: a new runnable thread running `body`, named `name`.
  func create(_ name: String, by parent: TaskID?, body: @escaping () -> ThreadAction) -> TaskID
  /// Wakes a blocked thread (a futex wake, a condition variable signal).
  func wake(_ task: TaskID)
}

extension ThreadsKernel {
  /// Threads alive now.
  public var liveThreads: Int { census.live }
  /// The most threads alive at once.
  public var peakThreads: Int { census.peak }
}

extension ThreadsKernel where Self: TraceRecording {
  /// What pthread_create puts in the trace on either kernel: a task named
  /// `name`, made by `parent`, and its spawn event.
  public func recordSpawn(_ name: String, by parent: TaskID?) -> TaskID {
    let id = recorder.addTask(name: name, parent: parent)
    record(.spawn(task: id, parent: parent))
    return id
  }
}

/// A resource call made the blocking way: a write of the request to the
/// server, then a read that sleeps in the kernel until its reply.
public struct ResourceRequest {
  /// The resource's index in the program.
  public var resource: Int
  public var op: String
  public var argument: String
  /// The server's latency (the simulated kernel wakes the thread this much later).
  public var latencyUs: Int64
  /// Called by a real kernel with the reply the server sent, before the
  /// thread's code runs on (the simulated kernel computes none: the driver
  /// already knows the reply).
  public var reply: (String) -> Void

  public init(
    resource: Int, op: String, argument: String, latencyUs: Int64, reply: @escaping (String) -> Void
  ) {
    self.resource = resource
    self.op = op
    self.argument = argument
    self.latencyUs = latencyUs
    self.reply = reply
  }
}
