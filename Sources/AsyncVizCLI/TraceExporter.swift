import AsyncVizTrace

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
}
