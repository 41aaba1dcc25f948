/// The notes of this step and of the previous few, newest first, each step
/// as one wrapped paragraph ("step 7  The reactor's epoll_wait returned...").
enum NarrationPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "Narration", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height > 0, inner.width > 20 else { return }
    let prefixWidth = "step \(cx.model.step)".count + 2
    let textWidth = inner.width - 2 - prefixWidth
    var y = inner.y
    for entry in cx.model.recentNotes {
      guard y < inner.maxY else { break }
      // Two spaces between notes: a note quoting program output has no full stop.
      var paragraph = entry.notes.joined(separator: "  ")
      if entry.omitted > 0 { paragraph += " (and \(entry.omitted) more events)" }
      if paragraph.isEmpty { paragraph = "(nothing recorded)" }
      let current = entry.step == cx.model.step
      let style = CellStyle(current ? .text : .dim)
      buffer.write(
        "step \(entry.step)", x: inner.x + 1, y: y, style: CellStyle(current ? .title : .dim, bold: current),
        limit: inner.maxX)
      for line in TextWrap.lines(paragraph, width: textWidth) {
        guard y < inner.maxY else { break }
        buffer.write(line, x: inner.x + 1 + prefixWidth, y: y, style: style, limit: inner.maxX - 1)
        y += 1
      }
    }
  }
}
