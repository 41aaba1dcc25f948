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
      buffer.write("(empty)", x: textX, y: inner.y + 1, style: CellStyle(.dim), limit: inner.maxX)
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
      let what = cx.state.task(id).map { cx.string($0.awaiting) } ?? ""
      return ("polled", "\(cx.label(id)) \(cx.glyphs.arrow) Pending" + (what.isEmpty ? "" : ": \(what)"))
    case .reactorTurn:
      let range = cx.model.history.events(ofStep: cx.model.step)
      let woken = cx.trace.events[range].reduce(0) { n, e in
        if case .wake = e.payload { return n + 1 }
        return n
      }
      return ("reactor turn:", "woke \(woken) task\(woken == 1 ? "" : "s") (the queue was empty)")
    }
  }

  /// The queue as "#3 handler → #4 handler → …" over `rows` lines of `width`.
  static func queueLines(_ queue: [TaskID], _ cx: PanelContext, width: Int, rows: Int) -> [String] {
    guard rows > 0, width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    let separator = " \(cx.glyphs.arrow) "
    for (i, id) in queue.enumerated() {
      let item = (i == 0 ? "" : separator) + cx.label(id)
      let remaining = queue.count - i
      let more = " +\(remaining) more"
      let isLastLine = lines.count == rows - 1
      let fits = CharWidth.of(current) + CharWidth.of(item) <= width
      // On the last line keep room to say how many did not fit.
      let roomForMore =
        !isLastLine || remaining == 1
        || CharWidth.of(current) + CharWidth.of(item) + CharWidth.of(more) <= width
      if fits && roomForMore {
        current += item
        continue
      }
      if isLastLine {
        lines.append(current + more)
        return lines
      }
      lines.append(current + (i == 0 ? "" : " \(cx.glyphs.arrow)"))
      current = cx.label(id)
    }
    lines.append(current)
    return lines
  }
}
