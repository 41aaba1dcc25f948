import ArgumentParser
import AsyncVizTrace

/// The options shared by `demo`, `run` and `replay` (design section 2).
struct RunOptions: ParsableArguments {
  @Flag(help: "Print the narrated transcript instead of the full-screen UI (automatic without a terminal).")
  var plain = false

  @Option(help: "The reactor backend: sim (virtual time, deterministic) or epoll (the real kernel).")
  var backend: BackendChoice = .sim

  @Option(name: .customLong("export"), help: "Also write the trace to this JSON file.")
  var exportPath: String?

  @Option(name: .customLong("max-steps"), help: "Stop a runaway program after this many steps.")
  var maxSteps: UInt32 = 100_000

  @Flag(help: "Draw with ASCII only (no Unicode box drawing).")
  var ascii = false

  @Flag(name: .customLong("no-color"), help: "Do not use colours.")
  var noColor = false

  mutating func validate() throws {
    if maxSteps == 0 { throw ValidationError("--max-steps must be at least 1") }
  }
}

/// `--backend` values.
enum BackendChoice: String, ExpressibleByArgument, CaseIterable {
  case sim
  case epoll

  var kind: BackendKind { self == .sim ? .sim : .epoll }
}

/// `--format` values of `export`.
enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
  /// The asyncviz JSON trace (docs/trace-format.md).
  case asyncviz
  /// The Chrome Trace Event Format, for ui.perfetto.dev.
  case chrome
}
