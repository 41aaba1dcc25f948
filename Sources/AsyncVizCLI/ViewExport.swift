import AsyncVizTrace
import AsyncVizUI

/// Where the view's `e` key writes: NAME.trace.json in the current folder,
/// under the same rules as `--export` without `--force`. When that file is
/// the trace being read, or a file asyncviz did not write (or not a file at
/// all), it is kept and the first usable NAME.trace-N.json is written
/// instead, and the status line says why: a key press in the view has no
/// `--force`, and refusing would leave the learner with no export at all.
struct ViewExport {
  /// The highest N tried in NAME.trace-N.json before giving up.
  static let lastNumber = 99

  /// The program's name, made safe as a file name (see `TraceExporter.safeFileName`).
  let base: String
  /// The files the command reads, which are never written.
  let inputs: [String]
  /// Prefixed to every name: empty for the current folder, else ending in "/".
  let folder: String

  init(name: String, inputs: [String], folder: String = "") {
    self.base = TraceExporter.safeFileName(name)
    self.inputs = inputs
    self.folder = folder
  }

  /// The usual file, NAME.trace.json.
  var usualPath: String { "\(folder)\(base).trace.json" }

  /// Where to write, with why the usual file is kept (nil: it is used);
  /// nil when every name up to NAME.trace-99.json is kept.
  func choice() -> (path: String, kept: String?)? {
    let usual = usualPath
    let why: String
    switch OutputGuard.verdict(usual, inputs: inputs) {
    case .new, .replaceable: return (usual, nil)
    case .input: why = "\(usual) is the file being read, so it is kept"
    case .notOurs: why = "\(usual) is not a trace asyncviz wrote, so it is kept"
    case .special: why = "\(usual) is not a regular file"
    }
    for number in 2...Self.lastNumber {
      let path = "\(folder)\(base).trace-\(number).json"
      switch OutputGuard.verdict(path, inputs: inputs) {
      case .new, .replaceable: return (path, why)
      case .input, .notOurs, .special: continue
      }
    }
    return nil
  }

  /// Writes `trace` (the asyncviz format) where `choice` says: the success
  /// is the status line's text after "Trace exported to " (the path, and
  /// why the usual file was kept, if it was).
  func write(_ trace: Trace) -> Result<String, ExportFailure> {
    guard let (path, kept) = choice() else {
      return .failure(
        ExportFailure(
          "\(usualPath) and \(base).trace-2.json to -\(Self.lastNumber).json are all kept "
            + "(files asyncviz did not write); use --export FILE"))
    }
    do {
      try TraceExporter.write(trace, to: path, format: .asyncviz)
    } catch {
      return .failure(ExportFailure(error.message))
    }
    return .success(kept.map { "\(path) (\($0))" } ?? path)
  }
}
