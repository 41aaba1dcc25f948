import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTerminal
import AsyncVizTrace
import AsyncVizUI

/// Runs one program the way `demo` and `run` do: the full-screen UI on a
/// terminal, the plain transcript otherwise, and the optional `--export`.
struct Session {
  /// The program to run.
  let program: CompiledProgram
  /// The options given on the command line.
  let options: RunOptions

  /// A runtime over the chosen backend; a backend that cannot start is exit 2.
  func makeRuntime(tracing: Bool = true) throws(CLIError) -> Runtime {
    let runtimeOptions = RuntimeOptions(
      tracing: tracing, maxSteps: options.maxSteps, maxTasks: options.limits.maxTasks)
    let limits = options.limits.languageLimits
    switch options.backend {
    case .sim:
      return program.makeRuntime(backend: SimBackend(), options: runtimeOptions, limits: limits)
    case .epoll:
      do {
        return program.makeRuntime(backend: try EpollBackend(), options: runtimeOptions, limits: limits)
      } catch {
        throw CLIError("error: cannot start the epoll backend: \(error.message)")
      }
    }
  }

  /// Runs and returns the exit code.
  func run() throws(CLIError) -> Int32 {
    let runtime = try makeRuntime()
    if options.display.wantsTranscript {
      let end = runtime.run()
      let trace = runtime.trace
      try TranscriptPrinter.print(trace)
      try options.display.exportIfAsked(trace)
      return end.reason == .completed ? 0 : 1
    }
    let feed = RuntimeFeed(runtime: runtime)
    let name = feed.trace.program.name
    let code = TerminalApp.run(
      feed: feed, options: TerminalOptions(options.display, name: name),
      export: { trace in TraceExporter.exportForUI(trace, name: name) })
    if code == 0 { try options.display.exportIfAsked(feed.finish()) }
    return code
  }
}
