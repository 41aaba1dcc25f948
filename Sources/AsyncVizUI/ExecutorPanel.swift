import AsyncVizTrace

/// The executor: what this step did (the task polled and what its poll
/// returned, or a reactor turn), then the run queue in order.
enum ExecutorPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "Executor", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height > 0, inner.width > 12 else { return }
    let labelWidth = 10
    let textX = inner.x + 1 + labelWidth
    let (label, text) = actionLine(cx)
    // The action line starts right after its label: it is the longest line.
    let x = buffer.write(label + " ", x: inner.x + 1, y: inner.y, style: CellStyle(.dim), limit: inner.maxX)
    let room = x
    buffer.write(
      text.fitted(inner.maxX - 1 - room, ellipsis: cx.glyphs.ellipsis), x: room, y: inner.y,
      style: CellStyle(.text, bold: true), limit: inner.maxX - 1)
    guard inner.height > 1 else { return }
    buffer.write("run queue", x: inner.x + 1, y: inner.y + 1, style: CellStyle(.dim), limit: inner.maxX)
    let queue = cx.state.runQueue.elements
    if queue.isEmpty {
      var text = "(empty)"
      if let main = cx.state.blockOnTask, cx.state.task(main)?.status == .ready {
        // main is not a queued task: block_on polls it at the top of its loop.
        text += "; block_on polls \(cx.label(main)) next"
      }
      buffer.write(
        text.fitted(inner.maxX - 1 - textX, ellipsis: cx.glyphs.ellipsis), x: textX, y: inner.y + 1,
        style: CellStyle(.dim), limit: inner.maxX - 1)
      return
    }
    let lines = queueLines(Array(queue), cx, width: inner.maxX - 1 - textX, rows: inner.height - 1)
    for (i, line) in lines.enumerated() {
      buffer.write(line, x: textX, y: inner.y + 1 + i, style: CellStyle(.ready), limit: inner.maxX - 1)
    }
  }

  /// The label and text of the first line.
  static func actionLine(_ cx: PanelContext) -> (String, String) {
    if let id = cx.state.polling { return ("polling", cx.label(id)) }
    switch cx.state.action {
    case .setup:
      return ("setup", "spawned \(cx.state.tasks.map { cx.label($0.id) }.joined(separator: ", "))")
    case .poll(let id, let result):
      guard let result else { return ("polling", cx.label(id)) }
      if result == .ready { return ("polled", "\(cx.label(id)) \(cx.glyphs.arrow) Ready") }
      if cx.state.task(id)?.status == .ready {
        return ("polled", "\(cx.label(id)) \(cx.glyphs.arrow) Pending, re-queued")
      }
      let what = cx.state.task(id).map { $0.awaiting.phrase(in: cx.trace) } ?? ""
      return ("polled", "\(cx.label(id)) \(cx.glyphs.arrow) Pending" + (what.isEmpty ? "" : ": \(what)"))
    case .reactorTurn:
      let range = cx.model.history.events(ofStep: cx.model.step)
      let woken = cx.trace.events[range].reduce(0) { n, e in
        if case .wake = e.payload { return n + 1 }
        return n
      }
      return ("reactor turn:", "woke \(English.count(woken, "task"))")
    }
  }

  /// The queue as "#3 handler → #4 handler" over `rows` lines of `width`;
  /// when the names do not all fit, ids alone ("#3 → #4 → #5 +97 more"),
  /// so that the order shows for as many tasks as possible.
  static func queueLines(_ queue: [TaskID], _ cx: PanelContext, width: Int, rows: Int) -> [String] {
    let named = layout(queue, width: width, rows: rows, arrow: cx.glyphs.arrow) { cx.label($0) }
    if named.shown == queue.count { return named.lines }
    let ids = layout(queue, width: width, rows: rows, arrow: cx.glyphs.arrow) { $0.description }
    return ids.shown > named.shown ? ids.lines : named.lines
  }

  /// The lines, and how many tasks they name.
  private static func layout(
    _ queue: [TaskID], width: Int, rows: Int, arrow: String, name: (TaskID) -> String
  ) -> (lines: [String], shown: Int) {
    guard rows > 0, width > 0 else { return ([], 0) }
    var lines: [String] = []
    var current = ""
    let separator = " \(arrow) "
    for (i, id) in queue.enumerated() {
      let item = (i == 0 || current.isEmpty ? "" : separator) + name(id)
      let remaining = queue.count - i
      let more = " +\(remaining) more"
      let isLastLine = lines.count == rows - 1
      let used = CharWidth.of(current) + CharWidth.of(item)
      // On the last line keep room to say how many did not fit.
      if used <= width && (!isLastLine || remaining == 1 || used + CharWidth.of(more) <= width) {
        current += item
        continue
      }
      if isLastLine {
        lines.append(current + more)
        return (lines, i)
      }
      lines.append(current + " \(arrow)")
      current = name(id)
    }
    lines.append(current)
    return (lines, queue.count)
  }
}
