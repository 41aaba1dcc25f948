import AsyncVizTrace
import AsyncVizTraceState

/// The program's source: line numbers, a marker at the right of each line
/// where tasks are suspended ("◂2 ◂3": tasks #2 and #3 wait there), and the
/// selected task's line highlighted. Scrolls to keep that line in view.
enum SourcePanel {
  /// Columns the markers of one line may take before they are summarised.
  static let markerWidth = 16

  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let program = cx.trace.program
    let name = program.name.hasSuffix(".av") || program.source.isEmpty ? program.name : "\(program.name).av"
    buffer.box(rect, title: "Source  \(name)", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height > 0, inner.width > 10 else { return }
    let lines = cx.model.sourceLines
    guard !lines.isEmpty else {
      buffer.write(
        "(no source: a native workload)", x: inner.x + 1, y: inner.y, style: CellStyle(.dim),
        limit: inner.maxX)
      return
    }
    let markers = suspended(cx.state)
    let selectedLine = selectedLine(cx)
    let focus = selectedLine ?? polledLine(cx) ?? markers.keys.min() ?? 1
    let top = firstLine(focus: focus, count: lines.count, rows: inner.height)
    let numberWidth = String(lines.count).count
    for row in 0..<inner.height {
      let n = top + row
      guard n <= lines.count else { break }
      let y = inner.y + row
      let isSelected = n == selectedLine
      let base = isSelected ? CellStyle(.highlight, bold: true) : .plain
      if isSelected { buffer.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: base) }
      let marks = markerText(markers[n] ?? [], cx)
      let markStart = inner.maxX - 1 - CharWidth.of(marks)
      let x = buffer.write(
        String(n).leftPadded(numberWidth + 1) + " ", x: inner.x, y: y,
        style: isSelected ? base : CellStyle(.dim),
        limit: inner.maxX)
      buffer.write(lines[n - 1], x: x, y: y, style: base, limit: marks.isEmpty ? inner.maxX : markStart - 1)
      if !marks.isEmpty {
        buffer.write(
          marks, x: markStart, y: y, style: CellStyle(isSelected ? .highlight : .marker, bold: true),
          limit: inner.maxX)
      }
    }
  }

  /// The source split in lines, tabs expanded.
  static func sourceLines(_ source: String) -> [String] {
    guard !source.isEmpty else { return [] }
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var text = ""
      for ch in line where ch != "\r" { text += ch == "\t" ? "    " : String(ch) }
      return text
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Source line -> the tasks suspended there, in id order.
  static func suspended(_ state: TraceState) -> [Int: [TaskID]] {
    var result: [Int: [TaskID]] = [:]
    for task in state.tasks where task.line > 0 && task.status != .done {
      result[Int(task.line), default: []].append(task.id)
    }
    return result
  }

  /// "◂2 ◂3", or "◂2 ◂3 ◂4 +97" when many tasks wait on one line.
  static func markerText(_ ids: [TaskID], _ cx: PanelContext) -> String {
    var text = ""
    for (i, id) in ids.enumerated() {
      let item = (i == 0 ? "" : " ") + cx.glyphs.marker + "\(id.rawValue)"
      let rest = " +\(ids.count - i)"
      if CharWidth.of(text) + CharWidth.of(item) + (i + 1 < ids.count ? CharWidth.of(rest) : 0) > markerWidth
      {
        return text + rest
      }
      text += item
    }
    return text
  }

  /// The selected task's line; when following, the blocking call of a poll
  /// that blocked the thread, and for a task whose poll in this
  /// step ended it (a blocking call, then Ready) has no line left, so the
  /// line it resumed at stands in: the source shows the task that ran, not
  /// another task's line.
  private static func selectedLine(_ cx: PanelContext) -> Int? {
    // Following, a step whose poll blocked the thread shows the blocking call.
    if case .follow = cx.model.selection, case .poll(let id, _) = cx.state.action, id == cx.model.selected,
      cx.model.blockLine > 0
    {
      return Int(cx.model.blockLine)
    }
    if let task = cx.state.task(cx.model.selected), task.line > 0, task.status != .done {
      return Int(task.line)
    }
    guard case .follow = cx.model.selection, case .poll(let id, _) = cx.state.action, id == cx.model.selected,
      cx.model.resumedLine > 0
    else { return nil }
    return Int(cx.model.resumedLine)
  }

  private static func polledLine(_ cx: PanelContext) -> Int? {
    guard case .poll(let id, _) = cx.state.action, let task = cx.state.task(id), task.line > 0 else {
      return nil
    }
    return Int(task.line)
  }

  /// The first line shown so that `focus` sits in the upper third.
  static func firstLine(focus: Int, count: Int, rows: Int) -> Int {
    guard count > rows else { return 1 }
    return min(max(1, focus - rows / 3), count - rows + 1)
  }
}
