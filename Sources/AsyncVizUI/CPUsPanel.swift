import AsyncVizTrace
import AsyncVizTraceState

/// The threads model's CPUs, in the executor's place: each CPU with the
/// thread it runs (or idle) and its run queue, front first, on one row.
enum CPUsPanel: FixedFramePanel {
  static let spec = PanelFrame.Spec(title: "CPUs", labelWidth: 7, minHeight: 2)

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    let kernel = cx.state.kernel
    let limit = frame.limit
    var y = frame.inner.y
    if kernel.cpus.isEmpty {
      frame.label("(no thread has run yet)", y: y, into: &buffer)
      return
    }
    for (i, cpu) in kernel.cpus.enumerated() where y < frame.inner.maxY {
      frame.label("cpu \(i)", y: y, into: &buffer)
      let running = cpu.current.map { cx.label($0) } ?? "idle"
      var x = buffer.write(
        running.fitted(frame.width / 2, ellipsis: frame.ellipsis), x: frame.textX, y: y,
        style: cpu.current == nil ? CellStyle(.dim) : CellStyle(.polling, bold: true), limit: limit)
      if !cpu.runQueue.isEmpty {
        x = buffer.write("  queue ", x: x, y: y, style: CellStyle(.dim), limit: limit)
        let queue = PanelFrame.oneLine(
          cpu.runQueue, separator: " \(cx.glyphs.arrow) ", ellipsis: frame.ellipsis
        ) { cx.label($0) }
        buffer.write(
          queue.fitted(max(1, limit - x), ellipsis: frame.ellipsis), x: x, y: y, style: CellStyle(.ready),
          limit: limit)
      }
      y += 1
    }
    if y < frame.inner.maxY, kernel.cpus.allSatisfy({ $0.runQueue.isEmpty }) {
      frame.plainText("run queues empty", y: y, style: CellStyle(.dim), into: &buffer)
    }
  }
}
