import AsyncVizTrace
import AsyncVizTraceState

/// The threads model's CPUs, in the executor's place: each CPU with the
/// thread it runs (or idle) and its run queue, front first, on one row.
enum CPUsPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "CPUs", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height >= 2, inner.width > 14 else { return }
    let kernel = cx.state.kernel
    let labelX = inner.x + 1
    let textX = labelX + 7
    let limit = inner.maxX - 1
    let width = limit - textX
    var y = inner.y
    if kernel.cpus.isEmpty {
      buffer.write("(no thread has run yet)", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
      return
    }
    for (i, cpu) in kernel.cpus.enumerated() where y < inner.maxY {
      buffer.write("cpu \(i)", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
      let running = cpu.current.map { cx.label($0) } ?? "idle"
      var x = buffer.write(
        running.fitted(width / 2, ellipsis: cx.glyphs.ellipsis), x: textX, y: y,
        style: cpu.current == nil ? CellStyle(.dim) : CellStyle(.polling, bold: true), limit: limit)
      if !cpu.runQueue.isEmpty {
        x = buffer.write("  queue ", x: x, y: y, style: CellStyle(.dim), limit: limit)
        let queue = cpu.runQueue.map { cx.label($0) }.joined(separator: " \(cx.glyphs.arrow) ")
        buffer.write(
          queue.fitted(max(1, limit - x), ellipsis: cx.glyphs.ellipsis), x: x, y: y, style: CellStyle(.ready),
          limit: limit)
      }
      y += 1
    }
    if y < inner.maxY, kernel.cpus.allSatisfy({ $0.runQueue.isEmpty }) {
      buffer.write("run queues empty", x: textX, y: y, style: CellStyle(.dim), limit: limit)
    }
  }
}
