import AsyncVizCLI
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizTranslate
import AsyncVizUI
import Foundation

/// The full-screen view's memory and first frame on a big run (20,000 tasks
/// x 20 yield_now, about 1.7 M events), against `replay --plain` of the same
/// file. Each figure is a process of its own (this benchmark run again as
/// `view-child`), measured by /usr/bin/time, so that each peak is its own.
func runViewMemoryBenchmarks() {
  print("== view memory: 20,000 tasks x 20 yield_now (peaks of separate processes)")
  let path = NSTemporaryDirectory() + "asyncviz-view-bench-\(getpid()).json"
  defer { unlink(path) }
  do {
    let trace = yieldTrace(tasks: 20_000, yields: 20)
    try TraceJSONWriter.write(trace, to: path)
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print("  \(trace.events.count) events, file \(size / 1_000_000) MB")
  } catch {
    print("  \(error)")
    return
  }
  let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
  let asyncviz = me.deletingLastPathComponent().appendingPathComponent("asyncviz").path
  guard let plain = peak([asyncviz, "replay", "--plain", path]),
    let view = peak([me.path, "view-child", path]),
    let live = peak([me.path, "view-child"])
  else { return }
  let mb = { (bytes: Int) in "\(bytes / 1_000_000) MB" }
  print("  replay --plain:        peak \(mb(plain.bytes))")
  print(
    "  view of the file:      peak \(mb(view.bytes)) = \(ratio(view.bytes, plain.bytes)) the plain replay (goal <= 3x)"
  )
  print("    \(view.output)")
  print(
    "  live run in the view:  peak \(mb(live.bytes)) = \(ratio(live.bytes, plain.bytes)) the plain replay (goal <= 3x)"
  )
  print("    \(live.output)")
}

/// `view-child [FILE]`: what the view does with a file (read, history, first
/// frame at 160x50, then random jumps), or with no file a live run of the
/// same program recorded to its end through the view (`last`); prints its times.
func runViewChild(_ path: String?) {
  let start = Monotonic.nanoseconds()
  let feed: any TraceFeed
  var file: FileTraceFeed?
  if let path {
    // As `replay` opens it: the first slice of events, the rest read between keys.
    do {
      file = try FileTraceFeed(path: path)
    } catch {
      print("\(error)")
      return
    }
    feed = file ?? SavedTraceFeed(trace: Trace(program: ProgramInfo(name: "", source: "", backend: .sim)))
  } else {
    let rt = Runtime(
      program: ProgramInfo(name: "view-bench", source: "", backend: .sim),
      options: RuntimeOptions(tracing: true, maxSteps: UInt32.max))
    for _ in 0..<20_000 { rt.spawn("yielder", Yielder(remaining: 20)) }
    feed = RuntimeFeed(runtime: rt)
  }
  let read = Monotonic.nanoseconds()
  var model = ViewerModel(feed: feed)
  let frame = ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions())
  let first = Monotonic.nanoseconds()
  // How much of the file the first frame needed.
  let readAtFirst =
    file.map { "\(Double($0.bytesRead) / 1e6) MB of \(Double($0.fileSize ?? 0) / 1e6) MB" } ?? ""
  if path == nil { _ = model.handle(.last, feed: feed) }
  // The rest of the file, as the view reads it between keys: the whole
  // read is the baseline (the view waited for it before opening).
  while model.isReading { model.readMore(feed) }
  if let failure = file?.failure {
    print("\(failure)")
    return
  }
  let recorded = Monotonic.nanoseconds()
  // What the view does between keys: index the rest of the history.
  while model.isIndexing { model.indexMore() }
  let indexed = Monotonic.nanoseconds()
  var rng = SeededRandom(seed: 7)
  var times: [Double] = []
  var checksum = frame.cells.count
  for _ in 0..<200 {
    // Best of 3, as the UI benchmark's jumps: a preempted jump measures the machine.
    let step = UInt32(rng.next() % UInt64(model.history.lastStep + 1))
    var best = Int64.max
    for _ in 0..<3 {
      model.jump(to: 0)
      let a = Monotonic.nanoseconds()
      model.jump(to: step)
      checksum &+= ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions()).cells.count
      best = min(best, Monotonic.nanoseconds() - a)
    }
    times.append(Double(best) / 1e6)
  }
  times.sort()
  let seconds = { (ns: Int64) in String(format: "%.2f s", Double(ns) / 1e9) }
  print(
    "first frame \(seconds(first - start)) (reading \(seconds(read - start)), history \(seconds(first - read)))"
      + (path == nil
        ? ", run to the end \(seconds(recorded - first))"
        : " (goal <= 1 s; it had read \(readAtFirst)); the whole file read by \(seconds(recorded - start))"
          + " (the first frame before the view read in slices)")
      + ", the rest indexed in \(seconds(indexed - recorded))"
      + ", \(model.history.trace.events.count) events; jump + frame 160x50 (best of 3 each): mean "
      + String(
        format: "%.2f ms, p99 %.2f ms, worst %.2f ms", times.reduce(0, +) / 200, times[198], times[199])
      + " (goal < 20 ms; checksum \(checksum % 997)); \(heldBytes(model))")
}

/// What the view holds, by part (arrays by capacity), to read against its peak.
private func heldBytes(_ model: ViewerModel) -> String {
  let events = model.history.trace.events.storedBytes
  let mb = { (bytes: Int) in "\(bytes / 1_000_000) MB" }
  return "held: events \(mb(events)), checkpoints and states \(mb(model.history.storedBytes - events)), "
    + "timeline \(mb(model.timeline.storedBytes)), output index \(mb(model.outputEvents.capacity * 8))"
}

/// "2.4x".
private func ratio(_ a: Int, _ b: Int) -> String { String(format: "%.1fx", Double(a) / Double(max(1, b))) }

/// Runs `arguments` under /usr/bin/time with its output kept (stdout's last
/// line); its peak resident memory in bytes.
private func peak(_ arguments: [String]) -> (bytes: Int, output: String)? {
  let timeFile = NSTemporaryDirectory() + "asyncviz-view-bench-time-\(getpid())"
  let outFile = NSTemporaryDirectory() + "asyncviz-view-bench-out-\(getpid())"
  defer {
    unlink(timeFile)
    unlink(outFile)
  }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
  process.arguments = ["-f", "%M", "-o", timeFile] + arguments
  _ = FileManager.default.createFile(atPath: outFile, contents: nil)
  process.standardOutput = FileHandle(forWritingAtPath: outFile)
  do {
    try process.run()
  } catch {
    print("  cannot run /usr/bin/time: \(error)")
    return nil
  }
  process.waitUntilExit()
  let kb = (try? String(contentsOfFile: timeFile, encoding: .utf8))?.split(separator: "\n").last.flatMap {
    Int($0.trimmingCharacters(in: .whitespaces))
  }
  guard let kb else {
    print("  no peak measured for \(arguments.joined(separator: " "))")
    return nil
  }
  // The last line only: `replay --plain` prints the whole transcript.
  let out = FileHandle(forReadingAtPath: outFile).map { handle -> String in
    let end = handle.seekToEndOfFile()
    handle.seek(toFileOffset: end > 4096 ? end - 4096 : 0)
    let tail = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    return tail.split(separator: "\n").last.map(String.init) ?? ""
  }
  return (kb * 1024, out ?? "")
}
