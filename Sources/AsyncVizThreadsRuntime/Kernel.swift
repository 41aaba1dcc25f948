import AsyncVizTrace

/// What one call of `Kernel.step()` did.
public enum KernelStep: Sendable, Equatable {
  /// A CPU switched to a thread (and ran its code up to its next block, computation or exit).
  case dispatch
  /// A timed event: a thread woke, or a computation ended (and the code ran on).
  case timed
  /// The run is over.
  case finished(RunEnd)
}

/// The Linux kernel's scheduler as the threads model simplifies it: `cpus`
/// CPUs, each with a round-robin run queue; a running thread keeps its CPU
/// until it blocks, exits, yields or uses up its time slice while another
/// thread waits; each switch to a thread costs `KernelCosts.contextSwitchUs`
/// of CPU time and is counted. Virtual time: a thread's code between two
/// blocking points runs in no time except what it computes (`work`).
///
/// Not thread-safe: create, step and read it on one thread.
public final class Kernel: ThreadsKernel, SteppedRuntime {
  /// The trace being recorded.
  public var recorder: TraceRecorder
  /// Virtual time in microseconds.
  public private(set) var now: Int64 = 0
  /// Set once the run has ended.
  public private(set) var end: RunEnd?
  /// Context switches so far.
  public private(set) var contextSwitches = 0
  /// Preemptions (slices that ran out while another thread waited) so far.
  public private(set) var preemptions = 0
  /// Threads alive now, and the most alive at once.
  public private(set) var census = ThreadCensus()
  /// What the program keeps (its driver), held as long as the kernel lives.
  public var keepAlive: AnyObject?
  /// Runs before a thread's code runs: the caller's per-run budgets start over.
  public var onRunStart: (() -> Void)?
  /// Runs after a thread's exit is recorded (futex wakes of its joiners).
  public var onThreadExit: ((TaskID) -> Void)?

  var threads: [KernelThread] = []
  var cpus: [KernelCPU]
  /// The timed events, earliest first.
  var timeline = DeadlineHeap<KernelEvent>()
  private var nextToken: UInt64 = 0
  private let maxSteps: UInt32
  private var failed = false

  /// A kernel with `cpus` CPUs for `program` (its `model` is set to threads).
  public init(
    program: ProgramInfo, cpus: Int = KernelCosts.defaultCPUs, maxSteps: UInt32 = 100_000,
    tracing: Bool = true
  ) {
    var info = program
    info.model = .threads
    recorder = TraceRecorder(program: info, enabled: tracing)
    self.cpus = Array(repeating: KernelCPU(), count: max(1, cpus))
    self.maxSteps = maxSteps
  }

  /// The program did not run as written: the run ends with reason `error`.
  public func fail() { failed = true }

  /// pthread_create: a new runnable thread running `body`, named `name`.
  public func create(_ name: String, by parent: TaskID?, body: @escaping () -> ThreadAction) -> TaskID {
    let id = recordSpawn(name, by: parent)
    threads.append(KernelThread(body: body))
    census.created()
    enqueue(threads.count - 1)
    return id
  }

  /// Wakes a blocked thread now (a futex wake, a condition variable signal):
  /// it joins a run queue. A thread that is not blocked is left alone.
  public func wake(_ task: TaskID) {
    guard case .blocked = threads[task.index].state else { return }
    enqueue(task.index)
  }

  // MARK: the run queues

  /// Makes thread `t` runnable on a CPU: its last one if idle, else an idle
  /// one, else the one with the shortest queue (lowest number on ties).
  private func enqueue(_ t: Int) {
    threads[t].state = .runnable
    let idle = cpus.indices.filter { cpus[$0].current == nil && cpus[$0].runQueue.isEmpty }
    let cpu: Int
    if let last = threads[t].lastCPU, idle.contains(last) {
      cpu = last
    } else if let first = idle.first {
      cpu = first
    } else {
      cpu = cpus.indices.min { load($0) < load($1) } ?? 0
    }
    cpus[cpu].runQueue.append(t)
    record(.threadReady(task: TaskID(index: t), cpu: Int32(cpu)))
  }

  private func load(_ cpu: Int) -> Int { cpus[cpu].runQueue.count + (cpus[cpu].current == nil ? 0 : 1) }

  // MARK: stepping

  /// One scheduling decision: an idle CPU takes the front of its run queue
  /// (or, if its queue is empty, of the longest other one: idle balancing);
  /// else time moves to the next timed event. The run ends when main's
  /// thread exits (returning from main calls exit(): every other thread
  /// dies with the process), when no thread can ever run again (stuck), or
  /// at the step limit.
  public func step() -> KernelStep {
    if let end { return .finished(end) }
    if recorder.step >= maxSteps { return .finished(finish(.maxSteps)) }
    // An idle CPU with its own queue first; then an idle one pulls from the
    // longest queue (idle balancing).
    let idle = cpus.indices.filter { cpus[$0].current == nil }
    for c in idle.sorted(by: { !cpus[$0].runQueue.isEmpty && cpus[$1].runQueue.isEmpty }) {
      if let t = takeRunnable(for: c) {
        recorder.step += 1
        switchTo(t, on: c)
        return end.map { .finished($0) } ?? .dispatch
      }
    }
    while let (at, kind) = timeline.popFirst() {
      now = max(now, at)
      switch kind {
      case .wake(let t, let token):
        guard threads[t].state == .blocked(token: token) else { continue }
        recorder.step += 1
        enqueue(t)
        return .timed
      case .chunkEnd(let c, let token):
        guard cpus[c].chunkToken == token, let t = cpus[c].current else { continue }
        if chunkEnded(t, on: c) { return end.map { .finished($0) } ?? .timed }
      }
    }
    return .finished(finish(nil))
  }

  private func takeRunnable(for c: Int) -> Int? {
    if !cpus[c].runQueue.isEmpty { return cpus[c].runQueue.removeFirst() }
    guard let busiest = cpus.indices.max(by: { cpus[$0].runQueue.count < cpus[$1].runQueue.count }),
      !cpus[busiest].runQueue.isEmpty
    else { return nil }
    return cpus[busiest].runQueue.removeFirst()
  }

  /// A context switch to thread `t` on CPU `c`: counted, and charged to the
  /// CPU before the thread's code goes on.
  private func switchTo(_ t: Int, on c: Int) {
    record(.threadRun(task: TaskID(index: t), cpu: Int32(c)))
    contextSwitches += 1
    cpus[c].current = t
    cpus[c].sliceLeftUs = KernelCosts.sliceUs(runnable: 1 + cpus[c].runQueue.count)
    threads[t].state = .running(cpu: c)
    threads[t].lastCPU = c
    threads[t].workLeftUs += KernelCosts.contextSwitchUs
    startChunk(on: c)
  }

  /// Puts the next piece of the running thread's work on the timeline: up to
  /// the end of its work or of its slice.
  private func startChunk(on c: Int) {
    guard let t = cpus[c].current else { return }
    let chunk = min(threads[t].workLeftUs, max(1, cpus[c].sliceLeftUs))
    cpus[c].chunkUs = chunk
    cpus[c].chunkToken += 1
    timeline.insert(.chunkEnd(cpu: c, token: cpus[c].chunkToken), at: now + chunk)
  }

  /// The chunk under way on CPU `c` ended; returns whether a step was taken
  /// (something recorded), false when the thread just computes on.
  private func chunkEnded(_ t: Int, on c: Int) -> Bool {
    let chunk = cpus[c].chunkUs
    threads[t].workLeftUs -= chunk
    cpus[c].sliceLeftUs -= chunk
    if threads[t].workLeftUs > 0 {
      if cpus[c].sliceLeftUs <= 0 {
        if !cpus[c].runQueue.isEmpty {
          recorder.step += 1
          preemptions += 1
          record(.threadStop(task: TaskID(index: t), cpu: Int32(c), line: 0, awaiting: .nothing))
          cpus[c].current = nil
          threads[t].state = .runnable
          cpus[c].runQueue.append(t)
          record(.threadReady(task: TaskID(index: t), cpu: Int32(c)))
          return true
        }
        cpus[c].sliceLeftUs = KernelCosts.sliceUs(runnable: 1)
      }
      startChunk(on: c)
      return false
    }
    recorder.step += 1
    runCode(t, on: c)
    return true
  }

  /// Runs thread `t`'s code on CPU `c` up to what it does next.
  private func runCode(_ t: Int, on c: Int) {
    // One budget for the whole run on the CPU: a sched_yield that returns at
    // once does not start a new one, so a loop of them is still bounded.
    onRunStart?()
    while true {
      let action = threads[t].body()
      if end != nil { return }
      switch action {
      case .compute(let us):
        guard us > 0 else { continue }
        threads[t].workLeftUs = us
        startChunk(on: c)
        return
      case .request(let line, let awaiting, let request):
        block(t, on: c, line: line, awaiting: awaiting, afterUs: request.latencyUs)
        return
      case .block(let line, let awaiting, let afterUs):
        block(t, on: c, line: line, awaiting: awaiting, afterUs: afterUs)
        return
      case .yield(let line):
        // sched_yield with nobody else runnable on this CPU returns at once.
        guard !cpus[c].runQueue.isEmpty else { continue }
        record(.threadStop(task: TaskID(index: t), cpu: Int32(c), line: line, awaiting: .yieldNow))
        cpus[c].current = nil
        threads[t].state = .runnable
        cpus[c].runQueue.append(t)
        record(.threadReady(task: TaskID(index: t), cpu: Int32(c)))
        return
      case .exit:
        threads[t].state = .exited
        cpus[c].current = nil
        census.exited()
        record(.complete(task: TaskID(index: t)))
        if t == 0 {
          _ = finish(nil)
        } else {
          onThreadExit?(TaskID(index: t))
        }
        return
      }
    }
  }

  /// Thread `t` enters the kernel and sleeps on `awaiting` (until a wake, or `afterUs` later).
  private func block(_ t: Int, on c: Int, line: Int32, awaiting: Awaited, afterUs: Int64?) {
    nextToken += 1
    threads[t].state = .blocked(token: nextToken)
    cpus[c].current = nil
    record(.threadStop(task: TaskID(index: t), cpu: Int32(c), line: line, awaiting: awaiting))
    if let afterUs { timeline.insert(.wake(thread: t, token: nextToken), at: now + max(0, afterUs)) }
  }

  /// Ends the run: `completed` once main's thread has exited, else `stuck`
  /// with the threads that never exited (or `maxSteps`, `error`).
  private func finish(_ natural: EndReason?) -> RunEnd {
    let mainExited = threads.first?.state == .exited
    if mainExited {
      // exit(): every other thread ends with the process, wherever it was.
      for t in threads.indices where threads[t].state != .exited {
        threads[t].state = .exited
        census.exited()
        record(.taskDrop(task: TaskID(index: t)))
      }
      for c in cpus.indices {
        cpus[c].current = nil
        cpus[c].runQueue = []
      }
    }
    let reason = EndReason(failed: failed, stop: natural, otherwise: mainExited ? .completed : .stuck)
    let stuck =
      mainExited || reason == .maxSteps
      ? [] : threads.indices.filter { threads[$0].state != .exited }.map { TaskID(index: $0) }
    let end = RunEnd(reason: reason, steps: recorder.step, tUs: now, stuckTasks: stuck)
    self.end = end
    recorder.trace.end = end
    return end
  }
}

extension TaskID {
  /// The id of the thread at `index` in the kernel's table (ids start at 1).
  init(index: Int) { self.init(UInt32(index + 1)) }
}
