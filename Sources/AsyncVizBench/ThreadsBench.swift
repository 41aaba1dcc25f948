import AsyncVizExamples
import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Foundation

/// The article's "threads are expensive", measured: many-requests' N
/// requests as N real pthreads blocked in read (BlockingThreadsRun), and as
/// the rust model's N tasks on the epoll backend, each in a process of its
/// own (this benchmark run again as `threads-child N` or `rust-child N`), so
/// that each peak resident size, thread count and context-switch count is
/// its own.
func runThreadsBenchmarks() {
  print("== threads vs tasks: many-requests for real (separate processes; 50 ms latency)")
  let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
  for count in [1_000, 10_000] {
    for kind in ["rust-child", "threads-child"] {
      guard let text = childOutput(URL(fileURLWithPath: me), [kind, String(count)]) else { continue }
      print("  " + text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
  }
  runRealCompare(besides: me)
}

/// What `executable arguments` writes to its standard output, run as a child
/// process to its end; nil, after saying why, if it cannot start.
private func childOutput(_ executable: URL, _ arguments: [String]) -> String? {
  let process = Process()
  process.executableURL = executable
  process.arguments = arguments
  let pipe = Pipe()
  process.standardOutput = pipe
  do {
    try process.run()
  } catch {
    print("  cannot run \(executable.lastPathComponent) \(arguments.joined(separator: " ")): \(error)")
    return nil
  }
  let data = pipe.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return String(decoding: data, as: UTF8.self)
}

/// `asyncviz compare many-requests --real` at 1,000 and 10,000 requests, by
/// the asyncviz binary built beside this one: the general real runs (any
/// program: the interpreter on real pthreads, the rust model on epoll, the
/// translation on Node), where the runs above are the fixed pattern alone.
private func runRealCompare(besides me: String) {
  let asyncviz = URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("asyncviz")
  guard FileManager.default.isExecutableFile(atPath: asyncviz.path) else {
    print("  (build the asyncviz product beside this benchmark for the compare --real figures)")
    return
  }
  print("== asyncviz compare many-requests --real (rust, node, threads; each a child process)")
  for count in [1_000, 10_000] {
    let arguments = [
      "compare", "many-requests", "--real", "--models", "rust,node,threads", "--set", "requests=\(count)",
    ]
    guard let text = childOutput(asyncviz, arguments) else { return }
    let table = text.components(separatedBy: "\nreal runs").last ?? text
    print("  \(count) requests:")
    for line in table.split(separator: "\n").dropFirst(3) { print("    " + line) }
  }
}

/// One line of figures, the same for both children.
private func figuresLine(
  _ what: String, count: Int, rss: Int, threads: Int, voluntary: Int, involuntary: Int, seconds: Double
) -> String {
  let mb = Double(rss) / 1_048_576
  return "\(what) \(count): peak RSS \(String(format: "%.1f", mb)) MiB, \(threads) OS threads, "
    + "context switches \(voluntary) voluntary + \(involuntary) involuntary, \(String(format: "%.2f", seconds)) s"
}

/// `threads-child N`: N pthreads, each one blocking request.
func runThreadsChild(_ argument: String?) {
  let count = argument.flatMap(Int.init) ?? 1_000
  do {
    let f = try BlockingThreadsRun.run(count: count, latencyNs: 50_000_000)
    print(
      figuresLine(
        "threads (pthreads, blocking read)", count: count, rss: f.peakRSSBytes, threads: f.peakThreads,
        voluntary: f.voluntarySwitches, involuntary: f.involuntarySwitches, seconds: f.seconds))
  } catch {
    print("threads \(count): \(error.message)")
  }
}

/// `rust-child N`: many-requests with N requests under the rust model on the
/// epoll backend (real sockets to the peer thread), tracing off.
func runRustChild(_ argument: String?) {
  let count = argument.flatMap(Int.init) ?? 1_000
  guard let demo = DemoCatalog.named("many-requests") else { return }
  // The demo with N in place of its 1000 (requests, channel capacity, receives).
  let source = demo.source.replacingOccurrences(of: "1000", with: String(count))
  do {
    let program = try CompiledProgram.compile(SourceFile(name: "many-requests-\(count).av", text: source))
    let start = Monotonic.nanoseconds()
    let runtime = program.makeRuntime(
      backend: try EpollBackend(), options: RuntimeOptions(tracing: false, maxSteps: UInt32.max))
    let end = runtime.run()
    let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
    let threads = BlockingThreadsRun.status("Threads:") ?? 0
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(
      figuresLine(
        "rust (tasks, epoll; \(end.reason.name))", count: count,
        rss: (BlockingThreadsRun.status("VmHWM:") ?? 0) * 1024, threads: threads, voluntary: usage.ru_nvcsw,
        involuntary: usage.ru_nivcsw, seconds: seconds))
  } catch {
    print("rust \(count): \(error)")
  }
}
