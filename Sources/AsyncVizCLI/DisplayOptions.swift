import ArgumentParser
import AsyncVizTerminal
import AsyncVizTrace
import AsyncVizUI

/// How a trace is shown and saved: the options `demo`, `run` and `replay`
/// share. `replay` takes only these, since it runs nothing.
struct DisplayOptions: ParsableArguments {
  @Flag(help: "Print the narrated transcript instead of the full-screen UI (automatic without a terminal).")
  var plain = false

  @Option(name: .customLong("export"), help: "Also write the trace to this file.")
  var exportPath: String?

  @Flag(help: "Let --export replace an existing file that is not a trace asyncviz wrote.")
  var force = false

  @Option(help: "The format of --export: asyncviz (the trace format) or chrome (for ui.perfetto.dev).")
  var format: TraceFormat = .asyncviz

  @Flag(help: "Draw with ASCII only (no Unicode box drawing).")
  var ascii = false

  @Flag(name: .customLong("no-color"), help: "Do not use colours (as does NO_COLOR set and not empty).")
  var noColor = false

  /// Colours unless `--no-color`, or `NO_COLOR` is set to anything but the
  /// empty string (no-color.org: an empty value does not count).
  func wantsColor(environment: [String: String]) -> Bool {
    if noColor { return false }
    if let value = environment["NO_COLOR"], !value.isEmpty { return false }
    return true
  }

  /// Whether to print the transcript: asked for, or no terminal to draw on.
  var wantsTranscript: Bool { plain || !isInteractiveTerminal() }

  /// Opens the full-screen viewer over `feed` until the user quits; the
  /// viewer's exit code, if not 0, is thrown. `e` never writes over `inputs`.
  func view(
    _ feed: any TraceFeed, inputs: [String], notice: String? = nil, prediction: PredictionOptions? = nil
  ) throws(ExitCode) {
    let export = ViewExport(name: feed.trace.program.name, inputs: inputs)
    var options = ViewOptions(self, export: export)
    options.notice = notice
    options.prediction = prediction
    let code = TerminalApp.run(
      feed: feed, options: options,
      export: { trace in export.write(trace) })
    if code != 0 { throw ExitCode(code) }
  }

  /// Opens the full-screen viewer over a program's run that the view may
  /// run again under other models (`m`, `c`), until the user quits. `e`
  /// never writes over `inputs`.
  func view(_ runs: SessionRuns, inputs: [String], notice: String? = nil) throws(ExitCode) {
    let export = ViewExport(name: runs.shown.trace.program.name, inputs: inputs)
    var options = ViewOptions(self, export: export)
    options.notice = notice
    let code = TerminalApp.run(
      runs: runs, options: options,
      export: { trace in export.write(trace) })
    if code != 0 { throw ExitCode(code) }
  }

  /// Writes `trace` to `--export`'s path, if one was given.
  func exportIfAsked(_ trace: Trace, inputs: [String] = []) throws(CLIError) {
    guard let path = exportPath else { return }
    try OutputGuard.check(path, inputs: inputs, force: force)
    try TraceExporter.write(trace, to: path, format: format)
  }

  /// Refuses a bad `--export` path before anything runs (see `OutputGuard`).
  /// `-` is refused: standard output holds the transcript or the view.
  func checkExport(inputs: [String]) throws(CLIError) {
    guard let path = exportPath else { return }
    if path == "-" {
      throw CLIError(
        "error: --export -: standard output shows the run (the transcript or the view); "
          + "to write the trace there, use asyncviz export PROGRAM -o -")
    }
    try OutputGuard.check(path, inputs: inputs, force: force)
  }
}
