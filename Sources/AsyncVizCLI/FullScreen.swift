import AsyncVizTerminal
import AsyncVizTrace
import AsyncVizUI

/// Opens the full-screen viewer for `demo`, `run` and `replay` on a terminal
/// (docs/decisions.md, command line): `e` writes NAME.trace.json in the
/// current folder; `--export` writes the complete trace after the viewer closes.
enum FullScreen {
  /// Shows `feed` until the user quits; returns the exit code.
  static func show(_ feed: any TraceFeed, options: RunOptions) -> Int32 {
    let terminal = TerminalOptions(
      ascii: options.ascii, color: !options.noColor, exportPath: options.exportPath)
    return TerminalApp.run(feed: feed, options: terminal) { trace in
      let path = "\(trace.program.name).trace.json"
      do throws(CLIError) {
        try TraceExporter.write(trace, to: path, format: .asyncviz)
        return .success(path)
      } catch {
        return .failure(ExportFailure(error.message))
      }
    }
  }
}
