import AsyncVizTerminal
import AsyncVizTrace
import AsyncVizTraceCodecs
import AsyncVizUI
import Foundation

/// Writes traces for `export`, `--export` and the UI's `e` key.
enum TraceExporter {
  /// Writes `trace` in `format`; a failed write is exit 2 with the reason.
  static func write(_ trace: Trace, to path: String, format: TraceFormat) throws(CLIError) {
    do {
      switch format {
      case .asyncviz: try TraceJSONWriter.write(trace, to: path)
      case .chrome: try ChromeTraceWriter.write(trace, to: path)
      }
    } catch {
      throw CLIError("\(error)")
    }
  }

  /// A file name made from a program name that may come from a replayed file:
  /// letters, digits, '-', '_' and '.' only, never a path, never hidden.
  static func safeFileName(_ name: String) -> String {
    let base = name.split(separator: "/").last.map(String.init) ?? ""
    var clean = String(
      base.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
    while clean.hasPrefix(".") { clean.removeFirst() }
    return clean.isEmpty ? "trace" : clean
  }
}

extension ViewOptions {
  /// The front end's options from the command line's; the help names the
  /// file `e` would write now.
  init(_ options: DisplayOptions, export: ViewExport) {
    self.init(
      ascii: options.ascii, color: options.wantsColor(environment: ProcessInfo.processInfo.environment),
      exportPath: export.choice()?.path ?? export.usualPath)
  }
}
