import AsyncVizTrace
import AsyncVizTraceState

/// A screen's worth of cells, drawn into by the panels and compared with the
/// previous frame by `BufferDiff`; knows nothing of terminals.
///
/// Every write is clipped to the buffer (and to the limit the caller gives),
/// so panels never need to check bounds themselves.
public struct CellBuffer: Equatable, Sendable {
  /// Columns.
  public let width: Int
  /// Rows.
  public let height: Int
  /// Row-major cells; always `width * height` of them, and a wide character's
  /// first cell is always followed by its continuation in the same row.
  public private(set) var cells: [Cell]

  /// A blank buffer.
  public init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: .blank, count: self.width * self.height)
  }

  /// The cell at column `x`, row `y` (a blank outside the buffer).
  public subscript(x: Int, y: Int) -> Cell {
    guard x >= 0, y >= 0, x < width, y < height else { return .blank }
    return cells[y * width + x]
  }

  /// Fills `rect` with `scalar` in `style`.
  public mutating func fill(_ rect: Rect, with scalar: Unicode.Scalar = " ", style: CellStyle = .plain) {
    let x0 = max(0, rect.x)
    let x1 = min(width, rect.maxX)
    guard x0 < x1 else { return }
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in x0..<x1 { put(Cell(raw: scalar.value, style: style), x: x, y: y) }
    }
  }

  /// Writes `text` from column `x` of row `y`, stopping before column `limit`
  /// (default: the right edge). Returns the column after the last character.
  @discardableResult
  public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil)
    -> Int
  {
    let stop = min(limit ?? width, width)
    guard y >= 0, y < height else { return x }
    var col = x
    for scalar in text.unicodeScalars {
      if TerminalText.needsEscape(scalar) {
        // Shown as the transcript shows it (`\u{1B}`, `\u{202E}`): never sent raw.
        for e in TerminalText.escape(scalar).unicodeScalars {
          guard col + 1 <= stop else { return col }
          if col >= 0 { put(Cell(raw: e.value, style: style), x: col, y: y) }
          col += 1
        }
        continue
      }
      let v = scalar.value
      let w = CharWidth.of(v)
      if w == 0 { continue }
      if col + w > stop { break }
      if col >= 0 {
        put(Cell(raw: v, style: style), x: col, y: y)
        if w == 2 { put(Cell(raw: 0, style: style), x: col + 1, y: y) }
      }
      col += w
    }
    return col
  }

  /// Writes `text` right-aligned so that it ends just before column `end`.
  @discardableResult
  public mutating func writeRight(_ text: String, end: Int, y: Int, style: CellStyle = .plain) -> Int {
    let start = end - CharWidth.of(text)
    write(text, x: start, y: y, style: style, limit: end)
    return start
  }

  /// Changes the style of the cells in `rect`, keeping their characters.
  public mutating func restyle(_ rect: Rect, _ transform: (CellStyle) -> CellStyle) {
    for y in max(0, rect.y)..<min(height, rect.maxY) {
      for x in max(0, rect.x)..<min(width, rect.maxX) {
        cells[y * width + x].style = transform(cells[y * width + x].style)
      }
    }
  }

  /// Draws a box on the edge of `rect`, with `title` in its top edge.
  public mutating func box(
    _ rect: Rect, title: String = "", glyphs: Glyphs, titleStyle: CellStyle = CellStyle(.title, bold: true)
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    let border = CellStyle(.border)
    let right = rect.maxX - 1
    let bottom = rect.maxY - 1
    for x in rect.x + 1..<right {
      put(Cell(glyphs.horizontal, border), x: x, y: rect.y)
      put(Cell(glyphs.horizontal, border), x: x, y: bottom)
    }
    for y in rect.y + 1..<bottom {
      put(Cell(glyphs.vertical, border), x: rect.x, y: y)
      put(Cell(glyphs.vertical, border), x: right, y: y)
    }
    put(Cell(glyphs.topLeft, border), x: rect.x, y: rect.y)
    put(Cell(glyphs.topRight, border), x: right, y: rect.y)
    put(Cell(glyphs.bottomLeft, border), x: rect.x, y: bottom)
    put(Cell(glyphs.bottomRight, border), x: right, y: bottom)
    if !title.isEmpty && rect.width > 4 {
      write(" \(title) ", x: rect.x + 1, y: rect.y, style: titleStyle, limit: right)
    }
  }

  /// The text of row `y`, continuation cells skipped (trailing spaces kept).
  public func rowText(_ y: Int) -> String {
    guard y >= 0, y < height else { return "" }
    var scalars = String.UnicodeScalarView()
    for cell in cells[y * width..<(y + 1) * width] {
      if let c = cell.character { scalars.append(c) }
    }
    return String(scalars)
  }

  /// The whole screen as text, one line per row, trailing spaces removed:
  /// what the golden snapshots compare.
  public var text: String {
    (0..<height).map { row in
      var line = rowText(row)
      while line.last == " " { line.removeLast() }
      return line
    }.joined(separator: "\n")
  }

  /// Stores a cell, repairing any wide character it cuts in half.
  private mutating func put(_ cell: Cell, x: Int, y: Int) {
    guard x >= 0, y >= 0, x < width, y < height else { return }
    let i = y * width + x
    if cells[i].isContinuation && x > 0 && !cell.isContinuation {
      cells[i - 1] = Cell(raw: 0x20, style: cells[i - 1].style)
    }
    if x + 1 < width && cells[i + 1].isContinuation && CharWidth.of(cells[i].scalar) == 2 {
      cells[i + 1] = Cell(raw: 0x20, style: cells[i + 1].style)
    }
    if cell.isContinuation && x == 0 {
      cells[i] = Cell(raw: 0x20, style: cell.style)
    } else {
      cells[i] = cell
    }
  }
}
