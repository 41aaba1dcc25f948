import AsyncVizTrace

/// The compare table (`c`): the facts `asyncviz compare` prints, a column
/// per model with the shown model's column marked, and the paragraph on the
/// differences, in a box over the view. A narrow screen wraps the cells in
/// their columns (the widest column gives first); a short one scrolls the
/// rows under the fixed column names. It is drawn at any size, also where
/// the panels do not fit (80x24): then it takes the screen, under the header.
enum CompareOverlay {
  /// A piece of a line: text at a column of the box's inside.
  struct Piece {
    var x: Int
    var text: String
    var style: CellStyle
  }

  /// The box's lines: `head` stays, `body` scrolls.
  struct Content {
    var width: Int
    var head: [[Piece]]
    var body: [[Piece]]
  }

  /// Where the box goes and how much of the body shows.
  struct Placement {
    var rect: Rect
    var content: Content
    var visible: Int
    var maxScroll: Int
  }

  /// Columns between two cells of a row, when they fit.
  static let gap = 3

  /// Draws the table over the frame; `alone` when no panel is under it
  /// (the terminal is smaller than the view's minimum).
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, alone: Bool) {
    guard let place = placement(cx.model, width: buffer.width, height: buffer.height, glyphs: cx.glyphs)
    else { return }
    if alone {
      HeaderPanel.draw(cx, into: &buffer, rect: Rect(x: 0, y: 0, width: buffer.width, height: 1))
      FooterPanel.drawStatus(
        cx, into: &buffer, rect: Rect(x: 0, y: buffer.height - 1, width: buffer.width, height: 1))
    }
    let rect = place.rect
    buffer.fill(rect)
    buffer.box(rect, title: "Compare: the same program under every model", glyphs: cx.glyphs)
    let inner = rect.interior
    let scroll = min(cx.model.compareScroll, place.maxScroll)
    let shown = place.content.head + place.content.body.dropFirst(scroll).prefix(place.visible)
    for (row, line) in shown.enumerated() {
      for piece in line {
        buffer.write(
          piece.text, x: inner.x + 1 + piece.x, y: inner.y + row, style: piece.style, limit: inner.maxX - 1)
      }
    }
    var keys = "c/Esc: close   m/M: next/previous model   q: quit"
    let below = place.maxScroll - scroll
    if place.maxScroll > 0 {
      keys =
        "c/Esc: close  m/M: model  "
        + (below > 0 ? "down/PgDn: \(English.count(below, "more line"))" : "up/PgUp: back to the top")
        + "  q: quit"
    }
    buffer.write(keys, x: inner.x + 1, y: inner.maxY - 1, style: CellStyle(.dim), limit: inner.maxX - 1)
  }

  /// The largest scroll of the table's body on a `width` x `height` screen.
  static func maxScroll(_ model: ViewerModel, width: Int, height: Int) -> Int {
    placement(model, width: width, height: height, glyphs: .unicode)?.maxScroll ?? 0
  }

  /// The box, its lines and its scroll range; nil without a table or room.
  static func placement(_ model: ViewerModel, width: Int, height: Int, glyphs: Glyphs) -> Placement? {
    guard let table = model.comparison else { return nil }
    // Rows 1 to height-3 over the panels (the header stays above, the status
    // line and the keys below); to height-2 alone (no keys line).
    let alone = ScreenLayout.make(width: width, height: height, model: model) == nil
    let top = 1
    let rows = height - top - (alone ? 1 : 2)
    guard rows >= 6, width >= 20 else { return nil }
    let content = self.content(
      table, current: model.history.trace.program.model, maxWidth: width - 4, glyphs: glyphs)
    let boxHeight = min(rows, content.head.count + content.body.count + 3)
    let visible = max(0, boxHeight - 3 - content.head.count)
    let boxWidth = content.width + 4
    let rect = Rect(
      x: (width - boxWidth) / 2, y: top + (rows - boxHeight) / 2, width: boxWidth, height: boxHeight)
    return Placement(
      rect: rect, content: content, visible: visible, maxScroll: max(0, content.body.count - visible))
  }

  /// The lines for a box whose inside is at most `maxWidth` columns (one
  /// blank column each side).
  static func content(_ table: CompareTable, current: RuntimeModel, maxWidth: Int, glyphs: Glyphs) -> Content
  {
    let heads = table.models.map { $0 == current ? "\(glyphs.pointer) \($0.rawValue)" : $0.rawValue }
    // Column 0 is the labels; the others the models.
    var columns: [[String]] = [[""] + table.rows.map(\.label)]
    for (i, head) in heads.enumerated() {
      columns.append([head] + table.rows.map { i < $0.cells.count ? keepNumbersWithUnits($0.cells[i]) : "" })
    }
    let (widths, gap) = fit(columns, into: maxWidth)
    let tableWidth = widths.reduce(0, +) + gap * (widths.count - 1)
    let width = min(maxWidth, max(tableWidth, 60, CharWidth.of(table.title)))
    var starts: [Int] = []
    var x = 0
    for w in widths {
      starts.append(x)
      x += w + gap
    }
    let currentColumn = (table.models.firstIndex(of: current) ?? -2) + 1
    var head: [[Piece]] = TextWrap.lines(table.title, width: width).map {
      [Piece(x: 0, text: $0, style: CellStyle(.title, bold: true))]
    }
    head.append([])
    head.append(
      heads.enumerated().map { i, text in
        Piece(
          x: starts[i + 1], text: text,
          style: CellStyle(i + 1 == currentColumn ? .marker : .title, bold: true))
      })
    var body: [[Piece]] = []
    for r in table.rows.indices {
      let wrapped = columns.indices.map { c in
        TextWrap.lines(columns[c][r + 1], width: widths[c]).map { String($0.map { $0 == nbsp ? " " : $0 }) }
      }
      for line in 0..<(wrapped.map(\.count).max() ?? 1) {
        body.append(
          columns.indices.compactMap { c in
            guard line < wrapped[c].count else { return nil }
            let style =
              c == 0 ? CellStyle(.dim) : c == currentColumn ? CellStyle(.text, bold: true) : CellStyle.plain
            return Piece(x: starts[c], text: wrapped[c][line], style: style)
          })
      }
    }
    body.append([])
    body += TextWrap.lines(table.summary, width: width).map { [Piece(x: 0, text: $0, style: .plain)] }
    return Content(width: width, head: head, body: body)
  }

  /// A space no line is broken at.
  static let nbsp: Character = "\u{a0}"

  /// `cell` with the space after each number made unbreakable, so that a
  /// wrapped cell never parts a number from its unit ("32 MiB", "65.000 ms").
  static func keepNumbersWithUnits(_ cell: String) -> String {
    let words = cell.split(separator: " ", omittingEmptySubsequences: false)
    var text = ""
    for (i, word) in words.enumerated() {
      text += word
      guard i < words.count - 1 else { break }
      text.append(word.first?.isNumber == true ? nbsp : " ")
    }
    return text
  }

  /// Column widths (and the gap between columns) that fit `maxWidth`: each
  /// column as wide as its longest cell, then the widest column narrowed,
  /// one at a time, down to its longest word (its cells wrap; the labels
  /// last); a table that
  /// still does not fit is cut at the box's edge.
  static func fit(_ columns: [[String]], into maxWidth: Int) -> (widths: [Int], gap: Int) {
    var widths = columns.map { $0.map(CharWidth.of).max() ?? 0 }
    let floors = columns.enumerated().map { c, cells in
      // A column's name is never wrapped; its cells wrap at spaces.
      let words = cells.dropFirst().flatMap { $0.split(separator: " ").map { CharWidth.of(String($0)) } }
      return max(c == 0 ? 0 : CharWidth.of(cells[0]), words.max() ?? 0)
    }
    var gap = gap
    func total() -> Int { widths.reduce(0, +) + gap * (widths.count - 1) }
    if total() > maxWidth { gap = 2 }
    // The models' cells give first, the labels only when they cannot.
    while total() > maxWidth {
      let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
      guard
        let widest = shrinkable.filter({ $0 > 0 }).max(by: { widths[$0] < widths[$1] }) ?? shrinkable.first
      else { break }
      widths[widest] -= 1
    }
    return (widths, gap)
  }
}
