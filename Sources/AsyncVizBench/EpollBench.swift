import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import CEpollBench
import Foundation

/// Round trips per second of the ping-pong through the runtime on the epoll
/// backend, tracing off: two tasks, one socketpair, `rounds` 1-byte echoes.
private func swiftPingPong(rounds: Int) throws -> Double {
  let backend = try EpollBackend()
  let rt = Runtime(
    program: ProgramInfo(name: "ping-pong", source: "", backend: .epoll), backend: backend,
    options: RuntimeOptions(tracing: false, maxSteps: UInt32.max))
  let (a, b) = try Syscall.socketPair()
  let pinger = rt.spawn("pinger", PingPong(fd: a, role: .pinger(rounds: rounds)))
  rt.spawn("ponger", PingPong(fd: b, role: .ponger))
  let start = Monotonic.nanoseconds()
  let end = rt.run()
  let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
  guard end.reason == .completed, rt.output(of: pinger.task, as: Int.self) == rounds else {
    throw BackendError("ping-pong ended \(end.reason.name) before \(rounds) round trips")
  }
  return Double(rounds) / seconds
}

/// Round trips per second of the C program doing the same with epoll directly.
private func cPingPong(rounds: Int) throws -> Double {
  let seconds = cepoll_bench_ping_pong(rounds)
  guard seconds > 0 else { throw BackendError(Syscall.describe("C ping-pong", errno: errno)) }
  return Double(rounds) / seconds
}

/// `count` tasks each sleeping a distinct duration up to `longestUs` (the
/// i-th sleeps (i+1)/count of it), through the runtime's timer queue and
/// the epoll backend's timed waits. Returns the wall time of the whole run
/// (spawning included) in seconds, the part of it spent spawning, and the
/// reactor turns it took.
private func timers(count: Int, longestUs: Int64) throws -> (seconds: Double, spawning: Double, turns: Int) {
  let backend = try EpollBackend()
  let rt = Runtime(
    program: ProgramInfo(name: "timers", source: "", backend: .epoll), backend: backend,
    options: RuntimeOptions(tracing: false, maxSteps: UInt32.max))
  let start = Monotonic.nanoseconds()
  rt.reserve(tasks: count, timers: count)  // known, as the C program's heap size is
  for i in 0..<count {
    rt.spawn("sleeper", Sleep(durationUs: longestUs * Int64(i + 1) / Int64(count)))
  }
  let spawning = Double(Monotonic.nanoseconds() - start) / 1e9
  var turns = 0
  while true {
    switch rt.step() {
    case .reactorTurn: turns += 1
    case .polled: continue
    case .finished(let end):
      guard end.reason == .completed else { throw BackendError("timers ended \(end.reason.name)") }
      return (Double(Monotonic.nanoseconds() - start) / 1e9, spawning, turns)
    }
  }
}

/// One epoll workload alone, for callgrind or perf: `timers` (100,000), `ctimers`
/// (the C program's), `pingpong` (the runtime's 100,000 round trips) or `cpingpong` (the C program's).
func runEpollOnce(_ mode: String) {
  do {
    switch mode {
    case "timers": print(try timers(count: 100_000, longestUs: 200_000))
    case "pingpong": print(try swiftPingPong(rounds: 100_000))
    case "ctimers": print(try cTimers(count: 100_000, longestUs: 200_000))
    default: print(try cPingPong(rounds: 100_000))
    }
  } catch {
    print("failed: \(error)")
  }
}

/// Seconds the C program takes to wait out the same deadlines as `timers`.
private func cTimers(count: Int, longestUs: Int) throws -> Double {
  let seconds = cepoll_bench_timers(count, longestUs)
  guard seconds > 0 else { throw BackendError(Syscall.describe("C timers", errno: errno)) }
  return seconds
}

/// The epoll backend's benchmarks: ping-pong against C, and 100,000 timers.
func runEpollBenchmarks() {
  let rounds = 100_000
  print("== epoll: ping-pong, \(rounds) round trips of 1 byte over a socketpair (tracing off)")
  do {
    _ = try swiftPingPong(rounds: 10_000)  // warm-up
    _ = try cPingPong(rounds: 10_000)
    var best = (swift: 0.0, c: 0.0)
    for _ in 0..<3 {
      best.c = max(best.c, try cPingPong(rounds: rounds))
      best.swift = max(best.swift, try swiftPingPong(rounds: rounds))
    }
    print("  C program, epoll directly:     \(Int(best.c)) round trips/s")
    print("  asyncviz runtime, epoll:       \(Int(best.swift)) round trips/s")
    print(
      "  ratio runtime/C: \(String(format: "%.2f", best.swift / best.c))  (goal >= 0.90; baseline 0.61-0.74)")
    // On a loaded machine one run's ratio moves by 0.1 or more (another
    // process takes the core during one program's run and not the other's);
    // the median of many short pairs, each C then runtime back to back, is
    // steadier, and its range shows the noise.
    var ratios: [Double] = []
    for _ in 0..<15 {
      let c = try cPingPong(rounds: 20_000)
      ratios.append(try swiftPingPong(rounds: 20_000) / c)
    }
    ratios.sort()
    let f = { (x: Double) in String(format: "%.2f", x) }
    print(
      "  median of 15 pairs of 20,000 round trips (C, then runtime): \(f(ratios[7]))"
        + " (range \(f(ratios[0]))-\(f(ratios[14])))")
  } catch {
    print("  failed: \(error)")
  }
  print("== epoll: 100,000 timers with distinct deadlines up to 200 ms")
  do {
    _ = try timers(count: 10_000, longestUs: 20_000)  // warm-up
    _ = try cTimers(count: 10_000, longestUs: 20_000)
    var best = (seconds: Double.infinity, spawning: 0.0, turns: 0)
    var bestC = Double.infinity
    for _ in 0..<3 {
      bestC = min(bestC, try cTimers(count: 100_000, longestUs: 200_000))
      let run = try timers(count: 100_000, longestUs: 200_000)
      if run.seconds < best.seconds { best = run }
    }
    print(
      "  C program, a heap and epoll_pwait2: total \(String(format: "%.3f", bestC)) s, "
        + "overhead beyond 200 ms \(String(format: "%.3f", bestC - 0.2)) s")
    print(
      "  asyncviz runtime, 100,000 tasks:    total \(String(format: "%.3f", best.seconds)) s in \(best.turns) reactor turns, "
        + "overhead beyond 200 ms \(String(format: "%.3f", best.seconds - 0.2)) s  (goal < 0.02 s; baseline: the C program)"
    )
    print("    of which spawning the 100,000 tasks: \(String(format: "%.3f", best.spawning)) s")
  } catch {
    print("  failed: \(error)")
  }
}
