import AsyncVizTrace
import AsyncVizTraceState

/// The task table: id, name, state, what it awaits (op and source line),
/// runs and wakes (each in the model's words: `TaskWords`), and a lint flag. The selected task's row is highlighted;
/// when the tasks do not fit, the window follows the selection.
enum TasksPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let tasks = cx.state.tasks
    let inner = rect.interior
    let rows = max(0, inner.height - 1)
    let first = window(count: tasks.count, rows: rows, selected: cx.model.selected.index)
    let shown = first..<min(tasks.count, first + rows)
    let title =
      tasks.count > rows && rows > 0
      ? "\(cx.words.units) \(shown.lowerBound + 1)-\(shown.upperBound) of \(tasks.count)"
      : "\(cx.words.units) (\(tasks.count))"
    buffer.box(rect, title: title, glyphs: cx.glyphs)
    guard inner.height > 0, inner.width > 0 else { return }
    // Only the rows shown are measured and drawn: a run may have a thousand tasks.
    let names = shown.map { cx.trace.task(tasks[$0].id)?.name ?? "" }
    let nameWidth = min(14, max(4, names.map { CharWidth.of($0) }.max() ?? 4))
    // Ids are positions in the trace's task table: the largest is its count.
    // Sized for the whole trace, so the columns never shift as rows scroll.
    let idWidth = max(3, String(max(cx.trace.tasks.count, tasks.count)).count)
    let words = cx.words
    let columns = Columns(
      width: inner.width, nameWidth: nameWidth, idWidth: idWidth, stateWidth: words.statusWidth + 1,
      runsWidth: max(6, words.runs.count + 1), wakesWidth: max(6, words.wakes.count + 1))
    let head =
      "  " + "id".leftPadded(idWidth) + " " + "name".padded(nameWidth) + " " + "state".padded(columns.state)
      + "awaiting".padded(columns.awaiting) + words.runs.leftPadded(columns.runs)
      + words.wakes.leftPadded(columns.wakes)
    buffer.write(head, x: inner.x, y: inner.y, style: CellStyle(.dim), limit: inner.maxX)
    for (row, i) in shown.enumerated() {
      let y = inner.y + 1 + row
      drawRow(tasks[i], name: names[row], cx, columns, into: &buffer, x: inner.x, y: y, limit: inner.maxX)
    }
  }

  /// Column widths for an interior `width` wide.
  struct Columns {
    let nameWidth: Int
    /// Digits of the largest task id (at least 3).
    let idWidth: Int
    /// The state column (the model's widest status word and a space).
    let state: Int
    /// The runs and wakes columns (at least 6: their headers decide).
    let runs: Int
    let wakes: Int
    let awaiting: Int

    init(width: Int, nameWidth: Int, idWidth: Int, stateWidth: Int, runsWidth: Int, wakesWidth: Int) {
      self.nameWidth = nameWidth
      self.idWidth = idWidth
      state = stateWidth
      runs = runsWidth
      wakes = wakesWidth
      // marker 2, id, space, name, space, state, runs, wakes, lint 2
      awaiting = max(6, width - (2 + idWidth + 1 + nameWidth + 1 + state + runs + wakes + 2))
    }
  }

  private static func drawRow(
    _ task: TaskInfo, name: String, _ cx: PanelContext, _ columns: Columns, into buffer: inout CellBuffer,
    x: Int, y: Int, limit: Int
  ) {
    let isSelected = task.id == cx.model.selected
    let polledNow: Bool
    if case .poll(let id, _) = cx.state.action, id == task.id { polledNow = true } else { polledNow = false }
    var col = x
    let pointer = isSelected ? cx.glyphs.pointer : " "
    col = buffer.write(pointer.padded(2), x: col, y: y, style: CellStyle(.marker, bold: true), limit: limit)
    col = buffer.write(
      "\(task.id.rawValue)".leftPadded(columns.idWidth) + " ", x: col, y: y,
      style: CellStyle(.text, bold: polledNow),
      limit: limit)
    col = buffer.write(
      name.fitted(columns.nameWidth, ellipsis: cx.glyphs.ellipsis).padded(columns.nameWidth) + " ", x: col,
      y: y,
      style: CellStyle(.text, bold: polledNow), limit: limit)
    col = buffer.write(
      statusWord(task, cx).padded(columns.state), x: col, y: y,
      style: CellStyle(.of(task.status), bold: true),
      limit: limit)
    let waiting = task.status == .done ? "-" : cx.awaitingText(task)
    col = buffer.write(
      waiting.fitted(columns.awaiting - 1, ellipsis: cx.glyphs.ellipsis).padded(columns.awaiting), x: col,
      y: y,
      style: CellStyle(waiting == "-" ? .dim : .text), limit: limit)
    col = buffer.write("\(task.polls)".leftPadded(columns.runs), x: col, y: y, limit: limit)
    col = buffer.write("\(task.wakes)".leftPadded(columns.wakes), x: col, y: y, limit: limit)
    if task.lintMask != 0 {
      buffer.write(" !", x: col, y: y, style: CellStyle(.lint, bold: true), limit: limit)
    }
    if isSelected {
      buffer.restyle(Rect(x: x, y: y, width: limit - x, height: 1)) {
        CellStyle($0.role, bold: $0.bold, reverse: true)
      }
    }
  }

  /// The first row shown so that `selected` is visible, roughly centred.
  static func window(count: Int, rows: Int, selected: Int) -> Int {
    guard count > rows, rows > 0 else { return 0 }
    let wanted = selected - rows / 2
    return min(max(0, wanted), count - rows)
  }
}

extension TasksPanel {
  /// The task's status in its model's words; under go, a goroutine in a
  /// blocking system call is in `_Gsyscall`, which the shared statuses
  /// count as running.
  static func statusWord(_ task: TaskInfo, _ cx: PanelContext) -> String {
    if cx.trace.program.model == .go, cx.state.go.status(task.id) == .syscall { return "syscall" }
    return cx.words.status(task.status)
  }
}
