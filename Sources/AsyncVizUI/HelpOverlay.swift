/// The help: every key with a one-line explanation, in a box over the screen.
enum HelpOverlay {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer) {
    let entries = KeyMap.helpLines(glyphs: cx.glyphs, exportPath: cx.options.exportPath)
    let keyWidth = (entries.map { CharWidth.of($0.keys) }.max() ?? 8) + 3
    let textWidth = entries.map { CharWidth.of($0.meaning) }.max() ?? 40
    let width = min(buffer.width - 4, keyWidth + textWidth + 6)
    let height = min(buffer.height - 2, entries.count + 6)
    let rect = Rect(
      x: (buffer.width - width) / 2, y: (buffer.height - height) / 2, width: width, height: height)
    buffer.fill(rect)
    buffer.box(rect, title: "Help: keys", glyphs: cx.glyphs)
    let inner = rect.interior
    var y = inner.y + 1
    for entry in entries where y < inner.maxY - 2 {
      buffer.write(entry.keys, x: inner.x + 2, y: y, style: CellStyle(.key, bold: true), limit: inner.maxX)
      buffer.write(entry.meaning, x: inner.x + 2 + keyWidth, y: y, limit: inner.maxX - 1)
      y += 1
    }
    let close = "Any key closes this help (q quits)."
    buffer.write(close, x: inner.x + 2, y: inner.maxY - 1, style: CellStyle(.dim), limit: inner.maxX - 1)
  }
}
