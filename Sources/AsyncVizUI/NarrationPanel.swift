/// The notes of this step and of the previous few, newest first, each step
/// as one wrapped paragraph ("step 7  The reactor's epoll_wait returned...").
///
/// The current step comes first and gets every row it needs before an older
/// step gets any. When even the whole pane is too small for it, the last row
/// says how many lines are hidden and which key scrolls (`]` down, `[` up):
/// the step's last sentence, often the one that matters, is never silently lost.
enum NarrationPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "Narration", glyphs: cx.glyphs)
    let inner = rect.interior
    guard let geometry = Geometry(cx.model, inner: inner) else { return }
    var y = inner.y
    for entry in cx.model.recentNotes {
      guard y < inner.maxY else { break }
      let current = entry.step == cx.model.step
      var lines = geometry.lines(of: entry)
      let overflows = current && lines.count > inner.height
      if overflows {
        let shown = inner.height - 1
        let offset = min(cx.model.notesScroll, lines.count - shown)
        let hidden = lines.count - shown - offset
        lines = Array(lines[offset..<offset + shown])
        let marker =
          hidden > 0
          ? "(\(hidden) more line\(hidden == 1 ? "" : "s"): press ] to scroll)"
          : "(end of this step's notes: press [ to scroll back)"
        buffer.write(
          marker, x: inner.x + 1 + geometry.prefixWidth, y: inner.maxY - 1,
          style: CellStyle(.key, bold: true),
          limit: inner.maxX - 1)
      }
      buffer.write(
        "step \(entry.step)", x: inner.x + 1, y: y, style: CellStyle(current ? .title : .dim, bold: current),
        limit: inner.maxX)
      for line in lines {
        guard y < inner.maxY else { break }
        buffer.write(
          line, x: inner.x + 1 + geometry.prefixWidth, y: y, style: CellStyle(current ? .text : .dim),
          limit: inner.maxX - 1)
        y += 1
      }
      if overflows { break }  // the last row is the marker's
    }
  }

  /// How far `]` can scroll the current step's notes in a pane at `rect`:
  /// 0 when they fit.
  static func maxScroll(_ model: ViewerModel, rect: Rect) -> Int {
    let inner = rect.interior
    guard let geometry = Geometry(model, inner: inner),
      let current = model.recentNotes.first(where: { $0.step == model.step })
    else { return 0 }
    let count = geometry.lines(of: current).count
    return count > inner.height ? count - (inner.height - 1) : 0
  }

  /// Where the text goes and how wide it wraps.
  struct Geometry {
    /// Columns of "step N" and the gap after it.
    let prefixWidth: Int
    /// Columns the paragraph wraps to.
    let textWidth: Int

    init?(_ model: ViewerModel, inner: Rect) {
      guard inner.height > 1, inner.width > 20 else { return nil }
      prefixWidth = "step \(model.step)".count + 2
      textWidth = inner.width - 2 - prefixWidth
    }

    /// The wrapped lines of one step's notes.
    func lines(of entry: StepNarration) -> [String] {
      // Two spaces between notes: a note quoting program output has no full stop.
      var paragraph = entry.notes.joined(separator: "  ")
      if entry.omitted > 0 { paragraph += " (and \(entry.omitted) more events)" }
      if paragraph.isEmpty { paragraph = "(nothing recorded)" }
      return TextWrap.lines(paragraph, width: textWidth)
    }
  }
}
