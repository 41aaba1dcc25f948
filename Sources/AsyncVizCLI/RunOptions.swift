import ArgumentParser
import AsyncVizLang
import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace

/// How to run a program: the options `demo`, `run` and
/// `export` share; `demo` and `run` add the `DisplayOptions`.
struct RunOptions: ParsableArguments {
  @Option(help: "The reactor backend: sim (virtual time, deterministic) or epoll (the real kernel).")
  var backend: BackendChoice = .sim

  @Option(
    help:
      "Whose rules run the program: rust (tokio current_thread), node (Node 20's event loop), go (Go 1.19's scheduler) or threads (an OS thread per task)."
  )
  var model: RuntimeModel = .rust

  @Option(help: "GOMAXPROCS for --model go: how many Ps run goroutines (1 to 8).")
  var procs: Int = 1

  @Option(help: "CPUs of the threads model's simulated kernel.")
  var cpus: Int = KernelCosts.defaultCPUs

  @Option(name: .customLong("max-steps"), help: "Stop a runaway program after this many steps.")
  var maxSteps: UInt32 = 100_000

  @OptionGroup(title: "Limits for runaway programs")
  var limits: LimitOptions

  @OptionGroup var constants: ConstantOptions

  mutating func validate() throws {
    if maxSteps == 0 { throw ValidationError("--max-steps must be at least 1") }
    if !(1...64).contains(cpus) { throw ValidationError("--cpus must be between 1 and 64") }
    if !(1...8).contains(procs) { throw ValidationError("--procs must be from 1 to 8") }
    // Each model's own setting is refused under another model, where nothing would use it.
    if procs != 1 && model != .go { throw ValidationError("--procs is for --model go (GOMAXPROCS)") }
    if cpus != KernelCosts.defaultCPUs && model != .threads {
      throw ValidationError("--cpus is for --model threads (the CPUs of its simulated kernel)")
    }
  }

  /// A run of `program` under the chosen model and backend.
  func makeRun(for program: CompiledProgram) throws(CLIError) -> any ModelRun {
    switch model {
    case .rust:
      return try makeRuntime(for: program)
    case .node:
      let runtimeOptions = RuntimeOptions(maxSteps: maxSteps, maxTasks: limits.maxTasks)
      switch backend {
      case .sim:
        return program.makeRun(model: .node, options: runtimeOptions, limits: limits.languageLimits)
      case .epoll:
        do {
          return program.makeNodeLoop(
            options: runtimeOptions, limits: limits.languageLimits, backend: try EpollBackend())
        } catch {
          throw CLIError("error: cannot start the epoll backend: \(error.message)")
        }
      }
    case .threads:
      let runtimeOptions = RuntimeOptions(maxSteps: maxSteps, maxTasks: limits.maxTasks)
      guard backend == .epoll else {
        return program.makeRun(
          model: .threads, options: runtimeOptions, limits: limits.languageLimits, cpus: cpus)
      }
      return try makeRealKernel(for: program)
    case .go:
      guard backend == .sim else {
        throw CLIError("error: --model go runs on the sim backend only (its epoll backend is not built yet)")
      }
      let runtimeOptions = RuntimeOptions(maxSteps: maxSteps, maxTasks: limits.maxTasks)
      return program.makeRun(model: .go, options: runtimeOptions, limits: limits.languageLimits, procs: procs)
    }
  }

  /// The threads model of `program` on real pthreads; its own thread cap
  /// (`RealThreadsKernel.defaultCap`) binds before `--max-tasks` when lower.
  func makeRealKernel(for program: CompiledProgram, tracing: Bool = true) throws(CLIError)
    -> RealThreadsKernel
  {
    let info = ProgramInfo(
      name: program.source.programName, source: program.source.text, backend: .epoll, model: .threads)
    do {
      let kernel = try RealThreadsKernel(
        program: info, resources: program.resources, maxSteps: maxSteps, tracing: tracing)
      program.startThreads(on: kernel, maxThreads: limits.maxTasks, limits: limits.languageLimits)
      return kernel
    } catch {
      throw CLIError("error: cannot start the real threads run: \(error.message)")
    }
  }

  /// A runtime for `program` over the chosen backend; a backend that cannot start is exit 2.
  func makeRuntime(for program: CompiledProgram) throws(CLIError) -> Runtime {
    let runtimeOptions = RuntimeOptions(maxSteps: maxSteps, maxTasks: limits.maxTasks)
    let languageLimits = limits.languageLimits
    switch backend {
    case .sim:
      return program.makeRuntime(backend: SimBackend(), options: runtimeOptions, limits: languageLimits)
    case .epoll:
      do {
        return program.makeRuntime(
          backend: try EpollBackend(), options: runtimeOptions, limits: languageLimits)
      } catch {
        throw CLIError("error: cannot start the epoll backend: \(error.message)")
      }
    }
  }
}

/// The limits that stop hostile or runaway programs (docs/language.md,
/// "Limits"), shared by `demo`, `run` and `export`; `--max-steps` sits with
/// the design's own options.
struct LimitOptions: ParsableArguments {
  @Option(name: .customLong("max-tasks"), help: "Refuse a spawn while this many tasks are alive.")
  var maxTasks: Int = RuntimeOptions().maxTasks

  @Option(
    name: .customLong("poll-budget"), help: "Stop an async fn after this many instructions in one poll.")
  var pollBudget: Int = Limits().instructionsPerPoll

  @Option(name: .customLong("max-depth"), help: "Stop async fn calls nested deeper than this.")
  var maxDepth: Int = Limits().maxCallDepth

  @Option(
    name: .customLong("max-instructions"),
    help: "Stop every async fn after this many instructions in the run.")
  var maxInstructions: Int = Limits().instructionsPerRun

  @Option(name: .customLong("max-text"), help: "Stop after the program has made this many bytes of text.")
  var maxText: Int = Limits().textBytesPerRun

  @Option(name: .customLong("max-output"), help: "Stop after the program has printed this many lines.")
  var maxOutput: Int = Limits().outputLinesPerRun

  /// The largest `--max-depth`: each level of async fn call nests a poll on
  /// the thread's stack (about 1 KiB a level), and the main thread has 8 MiB.
  static let depthCeiling = 1_000

  mutating func validate() throws {
    for (flag, value) in [
      ("--max-tasks", maxTasks), ("--poll-budget", pollBudget), ("--max-instructions", maxInstructions),
      ("--max-text", maxText), ("--max-output", maxOutput),
    ] where value < 1 {
      throw ValidationError("\(flag) must be at least 1")
    }
    if maxDepth < 1 || maxDepth > LimitOptions.depthCeiling {
      throw ValidationError("--max-depth must be between 1 and \(LimitOptions.depthCeiling)")
    }
  }

  /// The language's limits with these values.
  var languageLimits: Limits {
    Limits(
      instructionsPerPoll: pollBudget, maxCallDepth: maxDepth, instructionsPerRun: maxInstructions,
      textBytesPerRun: maxText, outputLinesPerRun: maxOutput)
  }
}

extension RuntimeModel: ExpressibleByArgument {}

/// `--backend` values.
enum BackendChoice: String, ExpressibleByArgument, CaseIterable {
  case sim
  case epoll
}

/// `--format` values of `export`.
enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
  /// The asyncviz JSON trace (docs/trace-format.md).
  case asyncviz
  /// The Chrome Trace Event Format, for ui.perfetto.dev.
  case chrome
}
