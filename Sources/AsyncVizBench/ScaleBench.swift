import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

// Scale: what a waiting task costs, against what a
// blocked thread costs. Memory is read from /proc/self/statm (resident and
// virtual pages) after glibc has returned freed memory (malloc_trim), so the
// deltas are the new objects' pages; each figure is divided by the count.
// Results and their reading: docs/lessons/many-requests.md.

/// Resident and virtual bytes of this process.
private func memory() -> (resident: Int, virtual: Int) {
  guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return (0, 0) }
  let fields = text.split(separator: " ").compactMap { Int($0) }
  let page = Int(sysconf(Int32(_SC_PAGESIZE)))
  return fields.count >= 2 ? (fields[1] * page, fields[0] * page) : (0, 0)
}

/// The kernel's memory for thread stacks, machine-wide (/proc/meminfo
/// `KernelStack`), in bytes: what a thread costs outside the process's RSS.
private func kernelStackBytes() -> Int {
  guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 0 }
  for line in text.split(separator: "\n") where line.hasPrefix("KernelStack:") {
    return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0) * 1024
  }
  return 0
}

/// glibc's `malloc_trim(0)`, looked up at run time: the Glibc module does
/// not import malloc.h. Gives freed heap pages back so that deltas start clean.
private func trimHeap() {
  typealias Trim = @convention(c) (Int) -> Int32
  guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "malloc_trim") else { return }
  _ = unsafeBitCast(symbol, to: Trim.self)(0)
}

/// One measurement: bytes per waiting task, and the whole run's time.
private struct ScaleResult {
  /// Resident bytes added per task once every task waits.
  var bytesPerTask: Double
  /// Events in the trace at the end (0 with tracing off).
  var events: Int
  /// From the runtime's creation to the run's end.
  var seconds: Double
}

/// `tasks` native tasks, each a `Sleep` of one second: spawned, polled once
/// (Pending, waker in the timer queue), then run to the end.
private func nativeTasks(_ tasks: Int, tracing: Bool) -> ScaleResult {
  trimHeap()
  let before = memory().resident
  let start = Monotonic.nanoseconds()
  let rt = Runtime(
    program: ProgramInfo(name: "scale", source: "", backend: .sim),
    options: RuntimeOptions(tracing: tracing, maxSteps: UInt32.max, maxTasks: Int.max))
  for _ in 0..<tasks { rt.spawn("sleeper", Sleep(durationUs: 1_000_000)) }
  for _ in 0..<tasks { _ = rt.step() }  // every task polled once: all waiting
  let waiting = memory().resident - before
  let end = rt.run()
  let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
  precondition(end.reason == .completed, "the scale run did not complete")
  return ScaleResult(
    bytesPerTask: Double(waiting) / Double(tasks), events: rt.trace.events.count, seconds: seconds)
}

/// The same in the .av language: `main` spawns `tasks` handlers, each
/// awaiting `sleep(1s)`.
private func programTasks(_ tasks: Int, tracing: Bool) -> ScaleResult {
  let source = """
    async fn handler(id) {
        await sleep(1s)
    }
    async fn main() {
        for i in 0..\(tasks) {
            spawn handler(i)
        }
    }
    """
  guard let program = try? CompiledProgram.compile(SourceFile(name: "scale.av", text: source)) else {
    preconditionFailure("the scale program does not compile")
  }
  trimHeap()
  let before = memory().resident
  let start = Monotonic.nanoseconds()
  let rt = program.makeRuntime(
    backend: SimBackend(),
    options: RuntimeOptions(tracing: tracing, maxSteps: UInt32.max, maxTasks: tasks + 1))
  for _ in 0...tasks { _ = rt.step() }  // main, then every handler once: all waiting
  let waiting = memory().resident - before
  let end = rt.run()
  let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
  precondition(end.reason == .completed, "the scale program did not complete")
  let errors = rt.trace.events.filter { $0.payload.kindName == "output" }.count
  precondition(errors == 0, "the scale program hit a limit")
  return ScaleResult(
    bytesPerTask: Double(waiting) / Double(tasks), events: rt.trace.events.count, seconds: seconds)
}

/// What the threads share: a lock, a condition they all wait on, and a flag.
private struct Gate {
  /// Guards `parked` and `open`.
  var mutex = pthread_mutex_t()
  /// Signalled once, when `open` becomes true.
  var condition = pthread_cond_t()
  /// Threads that reached the wait; only grows.
  var parked = 0
  /// False until every thread is measured; then the threads may leave.
  var open = false
}

/// `count` threads with the default attributes, each blocked on a condition
/// variable: the thread-per-connection server's waiting request. Returns
/// resident, virtual and kernel-stack bytes per thread, and the default stack size.
private func blockedThreads(_ count: Int) -> (resident: Double, virtual: Double, kernel: Double, stack: Int) {
  let gate = UnsafeMutablePointer<Gate>.allocate(capacity: 1)
  gate.initialize(to: Gate())
  pthread_mutex_init(&gate.pointee.mutex, nil)
  pthread_cond_init(&gate.pointee.condition, nil)
  defer {
    pthread_cond_destroy(&gate.pointee.condition)
    pthread_mutex_destroy(&gate.pointee.mutex)
    gate.deinitialize(count: 1)
    gate.deallocate()
  }
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  var stack = 0
  pthread_attr_getstacksize(&attributes, &stack)
  pthread_attr_destroy(&attributes)

  trimHeap()
  let before = memory()
  let kernelBefore = kernelStackBytes()
  var threads: [pthread_t] = []
  for _ in 0..<count {
    var thread = pthread_t()
    let made = pthread_create(
      &thread, nil,
      { raw in
        guard let gate = raw?.assumingMemoryBound(to: Gate.self) else { return nil }
        pthread_mutex_lock(&gate.pointee.mutex)
        gate.pointee.parked += 1
        while !gate.pointee.open { pthread_cond_wait(&gate.pointee.condition, &gate.pointee.mutex) }
        pthread_mutex_unlock(&gate.pointee.mutex)
        return nil
      }, gate)
    guard made == 0 else { break }
    threads.append(thread)
  }
  // Wait until every thread is parked on the condition.
  while true {
    pthread_mutex_lock(&gate.pointee.mutex)
    let parked = gate.pointee.parked
    pthread_mutex_unlock(&gate.pointee.mutex)
    if parked == threads.count { break }
    sched_yield()
  }
  let after = memory()
  let kernelAfter = kernelStackBytes()
  pthread_mutex_lock(&gate.pointee.mutex)
  gate.pointee.open = true
  pthread_cond_broadcast(&gate.pointee.condition)
  pthread_mutex_unlock(&gate.pointee.mutex)
  for thread in threads { pthread_join(thread, nil) }
  let n = Double(max(1, threads.count))
  return (
    Double(after.resident - before.resident) / n, Double(after.virtual - before.virtual) / n,
    Double(kernelAfter - kernelBefore) / n, stack
  )
}

private func bytes(_ value: Double) -> String {
  value >= 10_240 ? String(format: "%.1f KiB", value / 1024) : String(format: "%.0f B", value)
}

/// Runs the scale benchmarks and prints bytes per waiting task, run times
/// and the cost of a blocked thread.
func runScaleBenchmarks() {
  let tasks = 100_000
  print("== scale: \(tasks) waiting tasks (resident memory per task; whole run's time)")
  _ = nativeTasks(1_000, tracing: false)  // warm-up
  // Goals and baselines (the build before the lean-loop round) apply to tracing off.
  let kinds: [(name: String, run: (Int, Bool) -> ScaleResult, goal: String)] = [
    ("native futures,", nativeTasks, "goal <= 256 B; baseline 413 B"),
    (".av program,   ", programTasks, "goal <= 512 B; baseline 747 B"),
  ]
  for kind in kinds {
    for tracing in [false, true] {
      let r = kind.run(tasks, tracing)
      print(
        "  \(kind.name) tracing \(tracing ? "on: " : "off:") \(bytes(r.bytesPerTask)) per waiting task, "
          + "\(String(format: "%.3f", r.seconds)) s, \(r.events) events"
          + (tracing ? "" : "  (\(kind.goal))"))
    }
  }
  let threads = 1_000
  let t = blockedThreads(threads)
  print("== threads: \(threads) pthreads blocked on a condition variable")
  print(
    "  \(bytes(t.resident)) resident and \(bytes(t.virtual)) of address space per thread "
      + "(default stack size \(t.stack / 1024) KiB)")
  print("  plus \(bytes(t.kernel)) of kernel stack per thread (machine-wide KernelStack delta)")
}
