import AsyncVizTrace

/// The notes of this step and of the previous few, newest first.
///
/// Normally each note is its short form on one line ("step 7  The reactor
/// wakes #2 handler (fd 5), run queue position 1"), the current step first,
/// older steps dimmed below it. `z` zooms: the pane takes the screen and
/// shows the full sentences, each step one wrapped paragraph. When the
/// current step needs more rows than the pane has, `]` and `[` turn pages
/// (a screenful, not a line) and the last row says where the reader is.
public enum NarrationPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let zoomed = cx.model.narrationZoomed
    let title = zoomed ? "Narration: full notes (z: short)" : "Narration (z: full notes)"
    buffer.box(rect, title: title, glyphs: cx.glyphs)
    let inner = rect.interior
    guard let geometry = Geometry(cx.model, inner: inner) else { return }
    var y = inner.y
    for entry in cx.model.recentNotes {
      guard y < inner.maxY else { break }
      let current = entry.step == cx.model.step
      var lines = geometry.lines(of: entry, zoomed: zoomed)
      let paged = current && lines.count > inner.height
      if paged {
        let pages = geometry.pageCount(lines.count)
        let page = min(cx.model.notesPage, pages - 1)
        let start = page * geometry.pageRows
        lines = Array(lines[start..<min(lines.count, start + geometry.pageRows)])
        let marker =
          if page + 1 < pages {
            "(page \(page + 1) of \(pages): ] next page, [ back)"
          } else if cx.model.canNarrateMore(entry) {
            "(page \(page + 1) of \(pages): ] more notes, [ back)"
          } else {
            "(page \(page + 1) of \(pages), the last: [ back)"
          }
        buffer.write(
          marker, x: inner.x + 1 + geometry.prefixWidth, y: inner.maxY - 1,
          style: CellStyle(.key, bold: true), limit: inner.maxX - 1)
      }
      buffer.write(
        "step \(entry.step)", x: inner.x + 1, y: y, style: CellStyle(current ? .title : .dim, bold: current),
        limit: inner.maxX)
      for line in lines {
        guard y < inner.maxY - (paged ? 1 : 0) else { break }
        buffer.write(
          geometry.fitted(line, zoomed: zoomed, ellipsis: cx.glyphs.ellipsis),
          x: inner.x + 1 + geometry.prefixWidth,
          y: y, style: CellStyle(current ? .text : .dim), limit: inner.maxX - 1)
        y += 1
      }
      if paged { break }  // the last row is the marker's
    }
  }

  /// The last page `]` can reach for the current step in a pane at `rect`:
  /// 0 when the step fits.
  public static func maxPage(_ model: ViewerModel, rect: Rect) -> Int {
    let inner = rect.interior
    guard let geometry = Geometry(model, inner: inner),
      let current = model.recentNotes.first(where: { $0.step == model.step })
    else { return 0 }
    let count = geometry.lines(of: current, zoomed: model.narrationZoomed).count
    return count > inner.height ? geometry.pageCount(count) - 1 : 0
  }

  /// A step's short forms, one a line, with a run of four or more of one
  /// kind told as its first, a count and its last ("... 997 more spawn
  /// events like these"): a reactor turn that wakes a thousand tasks fits
  /// in a few rows, and z shows every note.
  public static func briefLines(_ entry: StepNarration) -> [String] {
    var items: [(kind: String, text: String)] = entry.briefs.map { ($0.kind, $0.text) }
    if entry.gapEvents > 0 {
      items.insert(
        ("", "... \(English.count(entry.gapEvents, "more event")) (z: every note)"),
        at: min(entry.gapAt, items.count))
    }
    var lines: [String] = []
    var i = 0
    while i < items.count {
      var j = i + 1
      while j < items.count && !items[i].kind.isEmpty && items[j].kind == items[i].kind { j += 1 }
      if j - i >= 4 {
        lines.append(items[i].text)
        lines.append("... \(j - i - 2) more \(items[i].kind) events like these")
        lines.append(items[j - 1].text)
      } else {
        lines += items[i..<j].map(\.text)
      }
      i = j
    }
    return lines
  }

  /// Where the text goes and how wide it wraps.
  struct Geometry {
    /// Columns of "step N" and the gap after it.
    let prefixWidth: Int
    /// Columns the text may use.
    let textWidth: Int
    /// Rows of one page when the step does not fit (the last row is the marker's).
    let pageRows: Int

    init?(_ model: ViewerModel, inner: Rect) {
      guard inner.height > 1, inner.width > 20 else { return nil }
      prefixWidth = "step \(model.step)".count + 2
      textWidth = inner.width - 2 - prefixWidth
      pageRows = inner.height - 1
    }

    func pageCount(_ lines: Int) -> Int { max(1, (lines + pageRows - 1) / pageRows) }

    /// A line as drawn: a short form cut with an ellipsis if a name is very
    /// long; a wrapped line already fits.
    func fitted(_ line: String, zoomed: Bool, ellipsis: String) -> String {
      if zoomed { return line }
      let cut = line.fitted(textWidth, ellipsis: ellipsis)
      guard cut != line else { return line }
      // A line cut to the width ends at a word, not inside one ("until t…"),
      // when a word ends within the last 20 columns.
      let kept = cut.dropLast(ellipsis.count)
      guard let space = kept.lastIndex(of: " "), kept.distance(from: space, to: kept.endIndex) <= 20 else {
        return cut
      }
      var word = kept[..<space]
      while let last = word.last, ",;:(".contains(last) { word = word.dropLast() }
      return word + ellipsis
    }

    /// The lines of one step: its short forms, one a line, or its full
    /// notes wrapped. A short form is cut to the width only when it is drawn
    /// (`fitted`): a step of thousands of notes (node's first macrotask
    /// spawning 1,000 handlers) measured every line's width on every frame,
    /// 14-22 ms, where only a pageful is shown.
    func lines(of entry: StepNarration, zoomed: Bool) -> [String] {
      if !zoomed {
        let lines = NarrationPanel.briefLines(entry)
        return lines.isEmpty ? ["(nothing recorded)"] : lines
      }
      // Two spaces between notes: a note quoting program output has no full stop.
      var paragraph = entry.notes.joined(separator: "  ")
      if entry.omitted > 0 { paragraph += " (and \(English.count(entry.omitted, "more event")))" }
      if paragraph.isEmpty { paragraph = "(nothing recorded)" }
      return TextWrap.lines(paragraph, width: textWidth)
    }
  }
}
