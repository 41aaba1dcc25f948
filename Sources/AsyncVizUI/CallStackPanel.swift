import AsyncVizTrace
import AsyncVizTraceState

/// The node model's JavaScript thread, in the executor's place: the call
/// stack (the async fns running now, bottom first) and V8's microtask queue
/// (front first, each job with the async fn it is for and what it does).
enum CallStackPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "JS thread", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height > 0, inner.width > 14 else { return }
    let node = cx.state.node
    let labelX = inner.x + 1
    let textX = labelX + 11  // "microtasks" and a space
    let limit = inner.maxX - 1
    let width = limit - textX
    buffer.write("call stack", x: labelX, y: inner.y, style: CellStyle(.dim), limit: limit)
    if node.callStack.isEmpty {
      // Between steps the stack is empty: a step is one whole job. Show what it ran.
      let last = node.lastJobStack.map { cx.label($0) }.joined(separator: " \(cx.glyphs.arrow) ")
      let text = last.isEmpty ? "(empty)" : "last job: \(last)"
      buffer.write(
        text.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: inner.y, style: CellStyle(.dim),
        limit: limit)
    } else {
      let frames = node.callStack.map { cx.label($0) }.joined(separator: " \(cx.glyphs.arrow) ")
      buffer.write(
        frames.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: inner.y,
        style: CellStyle(.polling, bold: true), limit: limit)
    }
    guard inner.height > 1 else { return }
    buffer.write("microtasks", x: labelX, y: inner.y + 1, style: CellStyle(.dim), limit: limit)
    if node.microtasks.isEmpty {
      buffer.write("(empty)", x: textX, y: inner.y + 1, style: CellStyle(.dim), limit: limit)
      return
    }
    let jobs = node.microtasks.map { "\(cx.label($0.task)) (\($0.job.name))" }
    let lines = wrap(jobs, width: width, rows: inner.height - 1, separator: " \(cx.glyphs.arrow) ")
    for (i, line) in lines.enumerated() {
      buffer.write(line, x: textX, y: inner.y + 1 + i, style: CellStyle(.ready), limit: limit)
    }
  }

  /// `items` joined by `separator` over `rows` lines of `width`, the last
  /// line saying how many did not fit.
  /// Generic so that a caller can pass a lazy map: it formats only the
  /// items that fit (node's timers can number 50,000).
  static func wrap<Items: Collection<String>>(_ items: Items, width: Int, rows: Int, separator: String)
    -> [String]
  {
    guard rows > 0, width > 0 else { return [] }
    var lines: [String] = []
    var current = ""
    for (i, item) in items.enumerated() {
      let piece = current.isEmpty ? item : separator + item
      let left = items.count - i
      let isLast = lines.count == rows - 1
      let room = isLast && left > 1 ? width - CharWidth.of(" +\(left) more") : width
      if CharWidth.of(current) + CharWidth.of(piece) <= room {
        current += piece
        continue
      }
      if isLast || current.isEmpty {
        lines.append(current.isEmpty ? "+\(left) more" : current + " +\(left) more")
        return lines
      }
      lines.append(current)
      current = item
    }
    lines.append(current)
    return lines
  }
}
