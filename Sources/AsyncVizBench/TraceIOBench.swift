import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTraceState
import Foundation

/// Foundation's side of the comparison: Codable mirrors of the format.
private struct CodableTrace: Codable {
  var format: String
  var version: Int
  var program: CodableProgram
  var tasks: [CodableTask]
  var events: [CodableEvent]
  var end: CodableEnd?
}

private struct CodableProgram: Codable {
  var name: String
  var source: String
  var backend: String
}

private struct CodableTask: Codable {
  var id: UInt32
  var name: String
  var parent: UInt32?
}

private struct CodableEnd: Codable {
  var reason: String
  var steps: UInt32
  var t_us: Int64
  var stuck: [UInt32]
}

/// Every field of every kind, optional; JSONDecoder reads asyncviz files with it.
private struct CodableEvent: Codable {
  var seq: Int
  var step: UInt32
  var t_us: Int64
  var kind: String
  var task: UInt32?
  var parent: UInt32?
  var name: String?
  var cause: String?
  var position: Int32?
  var result: String?
  var line: Int32?
  var awaiting: String?
  var fd: Int32?
  var interest: String?
  var timeout_us: Int64?
  var readiness: String?
  var deadline_us: Int64?
  var by: String?
  var from_task: UInt32?
  var resource: String?
  var op: String?
  var text: String?
  var dur_us: Int64?
  var code: String?
  var message: String?
  var note: String
}

/// The yield trace: `tasks` tasks yielding `yields` times each (about 4 events per yield).
func yieldTrace(tasks: Int, yields: Int) -> Trace {
  let rt = Runtime(
    program: ProgramInfo(name: "trace-io-bench", source: "", backend: .sim),
    options: RuntimeOptions(tracing: true, maxSteps: UInt32.max))
  rt.reserve(events: tasks * (yields + 1) * 4 + tasks * 4)
  for _ in 0..<tasks { rt.spawn("yielder", Yielder(remaining: yields)) }
  rt.run()
  return rt.trace
}

/// The Codable mirror of `trace` (notes included, computed beforehand).
private func mirror(_ trace: Trace) -> CodableTrace {
  let notes = trace.notes()
  let events = trace.events.enumerated().map { (i, e) -> CodableEvent in
    var c = CodableEvent(
      seq: i, step: e.step, t_us: e.tUs, kind: e.payload.kindName, task: e.payload.task?.rawValue,
      note: notes[i])
    switch e.payload {
    case .spawn(let t, let parent):
      c.parent = parent?.rawValue
      c.name = trace.task(t)?.name
    case .schedule(_, let cause, let position):
      c.cause = cause.name
      c.position = position
    case .pollEnd(_, let result, let line, let awaiting):
      c.result = result.name
      c.line = line == 0 ? nil : line
      let label = awaiting.label(in: trace)
      c.awaiting = label.isEmpty ? nil : label
    case .wake(_, let by, let fd, let from):
      c.by = by.name
      c.fd = fd
      c.from_task = from?.rawValue
    default:
      break
    }
    return c
  }
  return CodableTrace(
    format: "asyncviz-trace", version: 1,
    program: CodableProgram(name: trace.program.name, source: trace.program.source, backend: "sim"),
    tasks: trace.tasks.map { CodableTask(id: $0.id.rawValue, name: $0.name, parent: $0.parent?.rawValue) },
    events: events,
    end: trace.end.map {
      CodableEnd(reason: $0.reason.name, steps: $0.steps, t_us: $0.tUs, stuck: $0.stuckTasks.map(\.rawValue))
    })
}

/// A line of /proc/self/status ("VmHWM", "VmRSS") in bytes, read by the
/// same reader the threads benchmark uses.
private func memoryFigure(_ key: String) -> Int {
  (BlockingThreadsRun.status(key + ":") ?? 0) * 1024
}

/// Resets the peak-memory mark to the current size (Linux: clear_refs 5).
private func resetPeakMemory() {
  if let f = fopen("/proc/self/clear_refs", "w") {
    fputs("5", f)
    fclose(f)
  }
}

/// Best of `runs` timings of `body`, in seconds.
private func best(_ runs: Int, _ body: () -> Void) -> Double {
  var result = Double.infinity
  for _ in 0..<runs {
    let start = Monotonic.nanoseconds()
    body()
    result = min(result, Double(Monotonic.nanoseconds() - start) / 1e9)
  }
  return result
}

/// "312.4 MB/s".
private func rate(_ bytes: Int, _ seconds: Double) -> String {
  String(format: "%.1f MB/s", Double(bytes) / 1e6 / seconds)
}

/// Trace file speeds: the asyncviz writer and reader against
/// Foundation's JSONEncoder and JSONDecoder on the same 1,000,000 events.
func runTraceIOBenchmarks() {
  print("== trace I/O: 10,000 tasks x 25 yield_now")
  let trace = yieldTrace(tasks: 10_000, yields: 25)
  let path = NSTemporaryDirectory() + "asyncviz-bench-\(getpid()).json"
  defer { unlink(path) }
  print("  \(trace.events.count) events")
  var size = 0
  let write = best(3) {
    do {
      try TraceJSONWriter.write(trace, to: path)
    } catch {
      print("  \(error)")
    }
  }
  size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
  print(
    "  asyncviz writer:     \(rate(size, write))  (\(size) bytes in \(String(format: "%.3f", write)) s; goal >= 300 MB/s)"
  )
  var events = 0
  let read = best(3) {
    do {
      events = try TraceJSONReader.read(path: path).events.count
    } catch {
      print("  \(error)")
    }
  }
  resetPeakMemory()
  let before = memoryFigure("VmRSS")
  _ = try? TraceJSONReader.read(path: path)
  let extra = max(0, memoryFigure("VmHWM") - before)
  print(
    "  asyncviz reader:     \(rate(size, read))  (\(events) events in \(String(format: "%.3f", read)) s; goal >= 200 MB/s)"
  )
  let decoded = trace.events.storedBytes
  print(
    "  reader peak memory:  +\(extra / 1_000_000) MB for \(decoded / 1_000_000) MB of decoded events"
      + " (file \(size / 1_000_000) MB)")
  let codable = mirror(trace)
  var encoded = Data()
  let encoder = JSONEncoder()
  let foundationWrite = best(1) { encoded = (try? encoder.encode(codable)) ?? Data() }
  print("  Foundation JSONEncoder: \(rate(encoded.count, foundationWrite))  (\(encoded.count) bytes)")
  let file = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
  var decodedCount = 0
  let foundationRead = best(1) {
    decodedCount = (try? JSONDecoder().decode(CodableTrace.self, from: file))?.events.count ?? -1
  }
  print(
    "  Foundation JSONDecoder: \(rate(file.count, foundationRead))  (the asyncviz file, \(decodedCount) events)"
  )
  let ratioWrite = (Double(size) / write) / (Double(encoded.count) / foundationWrite)
  let ratioRead = (Double(size) / read) / (Double(file.count) / foundationRead)
  print(String(format: "  ratios: writer %.1fx JSONEncoder, reader %.1fx JSONDecoder", ratioWrite, ratioRead))
}
