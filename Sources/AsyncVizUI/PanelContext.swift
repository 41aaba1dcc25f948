import AsyncVizTrace

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

  /// "db.query L7", "join #2 L14", "sleep", or "-" for a task that waits on nothing.
  func awaitingText(_ task: TaskInfo) -> String {
    let what = string(task.awaiting)
    if what.isEmpty { return task.line > 0 ? "L\(task.line)" : "-" }
    return task.line > 0 ? "\(what) L\(task.line)" : what
  }

  /// The short codes of the lints that fired for a task ("lost-waker").
  func lintNames(_ task: TaskInfo) -> [String] {
    LintCode.allCases.filter { task.hasLint($0) }.map(\.name)
  }
}

extension String {
  /// The string cut to `width` columns, with `ellipsis` when it had to be cut.
  func fitted(_ width: Int, ellipsis: String) -> String {
    guard width > 0 else { return "" }
    if CharWidth.of(self) <= width { return self }
    let room = width - CharWidth.of(ellipsis)
    guard room > 0 else { return String(repeating: ".", count: width) }
    var out = ""
    var used = 0
    for ch in self {
      let w = CharWidth.of(String(ch))
      if used + w > room { break }
      out.append(ch)
      used += w
    }
    return out + ellipsis
  }

  /// Left-aligned in `width` columns (cut if longer).
  func padded(_ width: Int) -> String {
    let w = CharWidth.of(self)
    return w >= width ? self : self + String(repeating: " ", count: width - w)
  }

  /// Right-aligned in `width` columns.
  func leftPadded(_ width: Int) -> String {
    let w = CharWidth.of(self)
    return w >= width ? self : String(repeating: " ", count: width - w) + self
  }
}

/// Splits text into lines of at most `width` columns, at spaces where it can.
enum TextWrap {
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    var used = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      var w = String(word)
      var ww = CharWidth.of(w)
      if used > 0 && used + 1 + ww > width {
        lines.append(current)
        current = ""
        used = 0
      }
      while ww > width {  // a word longer than a line is cut hard
        let head = String(w.prefix(width - used))
        current += head
        lines.append(current)
        current = ""
        used = 0
        w = String(w.dropFirst(head.count))
        ww = CharWidth.of(w)
      }
      if used > 0 {
        current += " "
        used += 1
      }
      current += w
      used += ww
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }
}
