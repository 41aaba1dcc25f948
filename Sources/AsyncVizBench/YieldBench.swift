import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import DequeModule

/// One run of the native yield workload, as measured.
private struct YieldRun {
  /// Resumptions (polls) per second.
  var rate: Rate
  /// Events in the trace (0 with tracing off).
  var events: Int
  /// Bytes the trace's event log holds per event (0 with tracing off).
  var bytesPerEvent: Int
  /// The thread's CPU time and what the kernel did meanwhile: page faults
  /// and system time, mostly the fresh memory a trace fills.
  var usage: ThreadUsage

  /// Resumptions per second of user CPU time: the runtime's own cost.
  var userRate: Double { rate.cpu / max(1e-9, 1 - usage.kernelShare) }
}

/// The executor's yield workload: `tasks` tasks each yielding `yields` times.
private func nativeYield(tasks: Int, yields: Int, tracing: Bool) -> YieldRun {
  let rt = Runtime(
    program: ProgramInfo(name: "yield", source: "", backend: .sim),
    options: RuntimeOptions(tracing: tracing, maxSteps: UInt32.max))
  // Five events per yield (poll_start, defer, poll_end, wake, schedule); the
  // last poll's share also covers its driver turns' reactor_wait events.
  if tracing { rt.reserve(events: tasks * (yields + 1) * 5 + tasks * 4) }
  for _ in 0..<tasks { rt.spawn("yielder", Yielder(remaining: yields)) }
  let stopwatch = Stopwatch()
  let usageStart = ThreadUsage.now()
  let end = rt.run()
  let usage = ThreadUsage.now().since(usageStart)
  let time = stopwatch.elapsed()
  return YieldRun(
    rate: Rate(end.steps, in: time), events: rt.trace.events.count,
    bytesPerEvent: rt.trace.events.storedBytes / max(1, rt.trace.events.count), usage: usage)
}

/// Push+pop pairs per second through a hand-written power-of-two ring buffer
/// and through swift-collections' Deque, to justify the choice in docs/decisions.md.
/// `cycle` is not inlined and each queue has its own specialisation of it,
/// so callgrind counts them apart.
private func queueComparison() -> (ring: Double, deque: Double) {
  let n = 20_000_000
  var t = Monotonic.nanoseconds()
  var ring = RingBuffer(capacity: 16_384)
  let a = cycle(&ring, n)
  let ringRate = Double(n) / (Double(Monotonic.nanoseconds() - t) / 1e9)
  t = Monotonic.nanoseconds()
  var deque = Deque<TaskID>(minimumCapacity: 16_384)
  let b = cycle(&deque, n)
  let dequeRate = Double(n) / (Double(Monotonic.nanoseconds() - t) / 1e9)
  if a &+ b == 42 { print("") }  // keeps the loops from being optimised away
  return (ringRate, dequeRate)
}

/// The two run queues `asyncviz-bench queue` compares, as the loop uses them.
private protocol TaskFIFO {
  mutating func push(_ id: TaskID)
  mutating func pop() -> TaskID?
}

extension RingBuffer: TaskFIFO {}

extension Deque<TaskID>: TaskFIFO {
  mutating func push(_ id: TaskID) { append(id) }
  mutating func pop() -> TaskID? { popFirst() }
}

/// 10,000 ids cycled through `queue` `n` times (pop the front, push it back),
/// as the executor cycles yielding tasks; specialised for each queue.
@inline(never)
private func cycle<Q: TaskFIFO>(_ queue: inout Q, _ n: Int) -> UInt32 {
  for i in 0..<10_000 { queue.push(TaskID(UInt32(i + 1))) }
  var sink: UInt32 = 0
  for _ in 0..<n {
    if let id = queue.pop() {
      sink &+= id.rawValue
      queue.push(id)
    }
  }
  return sink
}

/// Runs the executor benchmarks and prints resumptions per second.
func runYieldBenchmarks() {
  print("== executor: yield workload (10,000 tasks x 100 yield_now = 1,000,000 resumptions)")
  _ = nativeYield(tasks: 1_000, yields: 100, tracing: false)  // warm-up
  var best = (off: 0.0, on: 0.0, offCPU: 0.0, onCPU: 0.0)
  var events = 0
  // The traced run with the best CPU rate, for the kernel's share of it.
  var bestOn: YieldRun?
  for _ in 0..<3 {
    let off = nativeYield(tasks: 10_000, yields: 100, tracing: false)
    best.off = max(best.off, off.rate.wall)
    best.offCPU = max(best.offCPU, off.rate.cpu)
    let on = nativeYield(tasks: 10_000, yields: 100, tracing: true)
    best.on = max(best.on, on.rate.wall)
    if on.rate.cpu > best.onCPU { bestOn = on }
    best.onCPU = max(best.onCPU, on.rate.cpu)
    events = on.events
  }
  // Baselines: the build before the executor's lean-loop round (`21937da`),
  // quiet machine (load average 1.4), and its callgrind counts per poll;
  // round five's counts and CPU-time rates are in docs/decisions.md.
  print(
    "  native futures, tracing off: \(millions(best.off)) M resumptions/s, "
      + "\(millions(best.offCPU)) M per CPU second  "
      + "(goal >= 50 M; baseline 12.4-12.9 M, 738 instructions per poll; 297 since round five)")
  print(
    "  native futures, tracing on:  \(millions(best.on)) M resumptions/s, "
      + "\(millions(best.onCPU)) M per CPU second  "
      + "(goal >= 15 M; baseline 3.5 M, 949 instructions per poll; 552 since round five; \(events) events)")
  // The traced figure is mostly the kernel's: each 4 KB of events is a new
  // page (docs/decisions.md, round six).
  if let on = bestOn {
    print(
      "    of its CPU time in the kernel: \(String(format: "%.0f", on.usage.kernelShare * 100))%, "
        + "\(on.usage.minorFaults) page faults (\(on.bytesPerEvent) B per event, fresh memory); "
        + "\(millions(on.userRate)) M per second of user CPU time")
  }
  print("  ratio on/off: \(String(format: "%.2f", best.on / best.off))")
  if let off = languageYieldRate(tracing: false), let on = languageYieldRate(tracing: true) {
    print(
      "  .av program, tracing off:    \(millions(off)) M resumptions/s (\(String(format: "%.2f", off / best.off)) of native; goal >= 10 M; baseline 2.6 M)"
    )
    print("  .av program, tracing on:     \(millions(on)) M resumptions/s")
  }
}

/// The run queue's own benchmark: the ring buffer against swift-collections' Deque.
func runQueueBenchmarks() {
  let q = queueComparison()
  print("== run queue: push+pop pairs per second (same run)")
  let ratio = String(format: "%.2f", q.ring / q.deque)
  print("  ring buffer \(millions(q.ring)) M/s, Deque \(millions(q.deque)) M/s, ratio \(ratio)")
}

/// One run of the yield workload and nothing else (`asyncviz-bench once
/// off|on|av`), so that callgrind counts its instructions alone (collect
/// only inside `nativeYield` or `languageYieldRate` with --toggle-collect).
func runYieldOnce(_ mode: String) {
  switch mode {
  case "on": printRates(nativeYield(tasks: 10_000, yields: 100, tracing: true))
  case "av": print(languageYieldRates(tracing: false).map { "\($0.wall) \($0.cpu)" } ?? "0")
  case "timers", "ctimers", "pingpong", "cpingpong": runEpollOnce(mode)
  default: printRates(nativeYield(tasks: 10_000, yields: 100, tracing: false))
  }
}

/// `once`'s output for a native run: the wall-clock rate, the CPU-time rate,
/// then the run's page faults and system CPU seconds.
private func printRates(_ r: YieldRun) {
  print(r.rate.wall, r.rate.cpu, r.usage.minorFaults, Double(r.usage.systemNanoseconds) / 1e9)
}
