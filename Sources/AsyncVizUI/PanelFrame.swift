/// The frame the side panels share (reactor, event loop, kernel, CPUs, Go's
/// Ps and scheduler, the task detail): a titled box whose rows hold a dim label on the left and text
/// from a fixed column, both kept one cell inside the right edge, the text
/// cut with an ellipsis where it does not fit.
struct PanelFrame {
  /// The inside of the box.
  let inner: Rect
  /// Where the labels start: one cell in from the left edge.
  let labelX: Int
  /// Where the text after a label starts.
  let textX: Int
  /// The column no write reaches: one cell in from the right edge.
  let limit: Int
  /// How a cut line ends.
  let ellipsis: String

  /// The room for the text after a label.
  var width: Int { limit - textX }

  /// How a panel's box looks: its title, the width of its label column, and
  /// the smallest inside worth filling (fewer than `minHeight` rows, or not
  /// wider than `minWidth` columns, and the box stays empty).
  struct Spec {
    let title: String
    let labelWidth: Int
    let minHeight: Int
    var minWidth = 14
  }

  /// Draws the box with its title and returns the frame inside it, or nil
  /// (the box alone drawn) when the inside is smaller than the spec's least.
  static func open(_ rect: Rect, _ spec: Spec, _ cx: PanelContext, into buffer: inout CellBuffer)
    -> PanelFrame?
  {
    buffer.box(rect, title: spec.title, glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height >= spec.minHeight, inner.width > spec.minWidth else { return nil }
    return PanelFrame(
      inner: inner, labelX: inner.x + 1, textX: inner.x + 1 + spec.labelWidth, limit: inner.maxX - 1,
      ellipsis: cx.glyphs.ellipsis)
  }

  /// Writes a row's label, dim; returns the column after it.
  @discardableResult
  func label(_ text: String, y: Int, into buffer: inout CellBuffer) -> Int {
    buffer.write(text, x: labelX, y: y, style: CellStyle(.dim), limit: limit)
  }

  /// Writes `text` in the text column of row `y`, cut to the width with an ellipsis.
  func text(_ text: String, y: Int, style: CellStyle = .plain, into buffer: inout CellBuffer) {
    buffer.write(text.fitted(width, ellipsis: ellipsis), x: textX, y: y, style: style, limit: limit)
  }

  /// Writes a labelled row at `y`, the text cut to the width, and moves `y`
  /// to the next row; returns whether the box has a row left there.
  @discardableResult
  func row(
    _ label: String, _ text: String, style: CellStyle = .plain, y: inout Int, into buffer: inout CellBuffer
  ) -> Bool {
    self.label(label, y: y, into: &buffer)
    self.text(text, y: y, style: style, into: &buffer)
    y += 1
    return y < inner.maxY
  }

  /// Writes `text` uncut in the text column (the write still stops at the limit).
  func plainText(_ text: String, y: Int, style: CellStyle = .plain, into buffer: inout CellBuffer) {
    buffer.write(text, x: textX, y: y, style: style, limit: limit)
  }

  /// Dim for a placeholder ("(none)") or an overflow line ("+3 more"), plain otherwise.
  static func lineStyle(_ line: String) -> CellStyle {
    line.hasPrefix("(") || line.hasPrefix("+") ? CellStyle(.dim) : .plain
  }

  /// Items joined into one line that the panel cuts at its width. Only the
  /// first 64 are formatted, wider than any screen, so a queue of 60,000
  /// costs what 64 do and draws the same; more are marked by one more
  /// separator and an ellipsis, which the cut never shows.
  static func oneLine<Items: Collection>(
    _ items: Items, separator: String, ellipsis: String, _ format: (Items.Element) -> String
  ) -> String {
    let shown = items.prefix(64).map(format).joined(separator: separator)
    return items.count > 64 ? shown + separator + ellipsis : shown
  }

  /// At most `rows` lines, the last one saying how many more there are;
  /// only the items shown are formatted (a list may hold a thousand). With
  /// one row, the count comes first and then the first item ("22 in all:
  /// 50.000 ms #1001 handler"): a lone "+21 more" named nothing the 21
  /// were more than, and the count must survive a narrow panel's cut.
  static func clipped<Items: Collection>(
    _ items: Items, rows: Int, empty: String, _ format: (Items.Element) -> String
  ) -> [String] {
    guard rows > 0 else { return [] }
    guard let first = items.first else { return [empty] }
    if items.count <= rows { return items.map(format) }
    if rows == 1 { return ["\(items.count) in all: " + format(first).drop { $0 == " " }] }
    return items.prefix(rows - 1).map(format) + ["+\(items.count - rows + 1) more"]
  }
}
