import AsyncVizLang
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI

/// The program behind the full-screen view of `demo` and `run`, handed to
/// the view so that `m` runs it again under another model and `c` shows the
/// table `asyncviz compare` prints. It holds one run at a time: a new run
/// replaces the previous one, whose trace is then freed.
final class SessionRuns: ModelRuns {
  private let program: CompiledProgram
  /// How the session runs it (the model changes with each switch).
  private let options: RunOptions
  /// The run shown.
  private(set) var shown: RuntimeFeed
  /// The compare table, once made.
  private(set) var table: CompareTable?

  /// The runs of `program`, starting with one under `options`' model.
  init(program: CompiledProgram, options: RunOptions) throws(CLIError) {
    self.program = program
    self.options = options
    let run = try options.makeRun(for: program)
    // A real backend's clock runs while the learner reads: stepped one key at
    // a time, the pauses between keys would be the program's time (a 40 ms
    // answer noted as seconds late). It runs to its end before the view
    // opens, which then steps through what the kernel did, as a replay does.
    if options.backend != .sim { run.run() }
    shown = RuntimeFeed(run: run)
  }

  var current: any TraceFeed { shown }

  var access: ProgramAccess {
    guard options.backend == .sim else {
      // A real run's times and fds are the kernel's: another model's run
      // would not be this one's counterpart (and go has no real run here).
      // The compare table, on the sim backend, still shows.
      let model = shown.trace.program.model.rawValue
      return .compareOnly(
        switchRefusal:
          "m switches models on the sim backend only (this is \(model)'s real run on epoll); c compares them."
      )
    }
    return .rerun
  }

  func run(under model: RuntimeModel) -> Result<any TraceFeed, ModelRunFailure> {
    if case .compareOnly(let why) = access { return .failure(ModelRunFailure(why)) }
    var next = options
    next.model = model
    do {
      shown = RuntimeFeed(run: try next.makeRun(for: program))
      return .success(shown)
    } catch {
      return .failure(ModelRunFailure(error.message))
    }
  }

  /// The table of `asyncviz compare NAME --cpus N --max-steps M`: every
  /// model, each run to its end on the sim backend with compare's options
  /// (the session's `--cpus` and `--max-steps`), made on the first call.
  func compareTable() -> Result<CompareTable, ModelRunFailure> {
    if let table { return .success(table) }
    let compared: ModelTable
    do {
      compared = try ModelTable.simulated(
        program, named: shown.trace.program.name, models: RuntimeModel.allCases, cpus: options.cpus,
        maxSteps: options.maxSteps)
    } catch let error as CLIError {
      return .failure(ModelRunFailure(error.message))
    } catch {
      return .failure(ModelRunFailure("\(error)"))
    }
    let made = compared.compareTable
    table = made
    return .success(made)
  }
}
