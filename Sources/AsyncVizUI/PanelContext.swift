import AsyncVizTrace
import AsyncVizTraceState

/// Everything a panel reads to draw one frame: the trace (for names and
/// strings), the state at the shown step, and the viewer's choices.
struct PanelContext {
  /// The trace as far as it is known.
  let trace: Trace
  /// The state after `step`.
  let state: TraceState
  /// The viewer (step, mode, selection, notes).
  let model: ViewerModel
  /// How the screen is drawn.
  let options: ViewOptions

  /// Glyphs for the options.
  var glyphs: Glyphs { options.glyphs }

  /// "#2 handler".
  func label(_ id: TaskID) -> String { trace.label(id) }

  /// The interned string.
  func string(_ id: StringID) -> String { trace.string(id) }

  /// "db.query L7", "JoinHandle #2 L14", "sleep", or "-" for a task that
  /// waits on nothing; in the model's words ("IO wait L14" under go,
  /// "pthread_join #2 L23" under threads: `awaitedWhat`).
  func awaitingText(_ task: TaskInfo) -> String {
    let what = awaitedWhat(task, brief: true)
    let line = awaitLine(task)
    if what.isEmpty { return line > 0 ? "L\(line)" : "-" }
    return line > 0 ? "\(what) L\(line)" : what
  }

  /// The short codes of the lints that fired for a task ("lost-waker").
  func lintNames(_ task: TaskInfo) -> [String] {
    LintCode.allCases.filter { task.hasLint($0) }.map(\.name)
  }
}
