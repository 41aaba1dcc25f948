import ArgumentParser
import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import Foundation

/// `asyncviz measure NAME|FILE.av --model rust|threads` (hidden): the run
/// `compare --real` starts in a child process of its own, so that the
/// kernel's figures for that process (peak resident size, context switches,
/// threads) are this run's alone. Runs the program for real on the epoll
/// backend, tracing off (the trace would be memory the run itself does not
/// need), and prints one JSON line of what it saw from inside.
struct MeasureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "measure",
    abstract: "Run a program for real, tracing off, and print its figures as JSON (used by compare --real).",
    shouldDisplay: false)

  @Argument(help: "A demo name or a .av file.")
  var program: String

  @Option(help: "rust (tasks on the epoll backend) or threads (real pthreads).")
  var model: RuntimeModel = .rust

  @Option(name: .customLong("max-steps"), help: "Stop a runaway program after this many steps.")
  var maxSteps: UInt32 = 100_000

  @OptionGroup var constants: ConstantOptions

  func run() throws {
    let (file, _) = try ProgramLoader.demoOrFile(program)
    let compiled = try constants.compile(file)
    let options = RuntimeOptions(tracing: false, maxSteps: maxSteps)
    var figures: [String: Any] = ["model": model.rawValue]
    let end: RunEnd
    switch model {
    case .rust:
      let backend: EpollBackend
      do {
        backend = try EpollBackend()
      } catch {
        throw CLIError("error: cannot start the epoll backend: \(error.message)")
      }
      let runtime = compiled.makeRuntime(backend: backend, options: options)
      end = runtime.run()
      figures["os_threads"] = ProcStatus.field("Threads:") ?? NSNull()
    case .threads:
      var runOptions = try RunOptions.parse(["--model", "threads", "--backend", "epoll"])
      runOptions.maxSteps = maxSteps
      let kernel = try runOptions.makeRealKernel(for: compiled, tracing: false)
      end = kernel.run()
      if let refusal = kernel.refusal { throw CLIError("error: \(refusal)") }
      figures["os_threads"] = kernel.peakOSThreads
      figures["units"] = kernel.peakThreads
    case .node, .go:
      throw CLIError(
        "error: measure runs --model rust or threads (compare --real runs node and go as their translations)")
    }
    // The process's own high-water mark: exact, where the parent's samples
    // may miss the last millisecond (and wait4's ru_maxrss counts the parent).
    figures["peak_rss_bytes"] = (ProcStatus.field("VmHWM:") ?? 0) * 1024
    figures["end"] = end.reason.name
    figures["end_us"] = end.tUs
    figures["steps"] = Int(end.steps)
    let data = try JSONSerialization.data(withJSONObject: figures, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
  }
}
