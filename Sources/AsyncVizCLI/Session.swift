import ArgumentParser
import AsyncVizLang

/// Runs one program the way `demo` and `run` do: the full-screen UI on a
/// terminal, the plain transcript otherwise, and the optional `--export`.
struct Session {
  /// The program to run.
  let program: CompiledProgram
  /// How to run it.
  let options: RunOptions
  /// How to show it.
  let display: DisplayOptions
  /// The files the command reads, which `--export` must not overwrite.
  let inputs: [String]

  /// Runs; an abnormal end is thrown as its exit code.
  func run() throws {
    if display.wantsTranscript {
      let runtime = try options.makeRun(for: program)
      let end = runtime.run()
      let trace = runtime.trace
      try TranscriptPrinter.print(trace)
      if trace.program.model != .rust {
        try TranscriptPrinter.printComparison(program, model: trace, options: options)
      }
      try display.exportIfAsked(trace, inputs: inputs)
      if let refusal = runtime.refusal { throw CLIError("error: \(refusal)") }
      try ExitCode.unlessCompleted(end.reason)
      return
    }
    // The view may run the program again under other models (m): `--export`
    // writes the run shown when the user quit.
    let runs = try SessionRuns(program: program, options: options)
    try display.view(runs, inputs: inputs, notice: ProgramLoader.notice(program))
    try display.exportIfAsked(runs.shown.finish(), inputs: inputs)
  }
}
