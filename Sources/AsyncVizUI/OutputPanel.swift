import AsyncVizTrace
import AsyncVizTraceState

/// The program's printed lines up to this step, newest last; the lines this
/// step printed are highlighted and marked with the pointer, so the output a
/// poll produced is seen beside the poll.
enum OutputPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let history = cx.model.history
    let end = history.eventEnd(ofStep: cx.model.step)
    let start = history.events(ofStep: cx.model.step).lowerBound
    let events = cx.model.outputEvents
    let count = countBelow(end, in: events)
    buffer.box(rect, title: "Output (\(English.count(count, "line")))", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height > 0, inner.width > 4 else { return }
    guard count > 0 else {
      buffer.write(
        "(nothing printed yet)", x: inner.x + 1, y: inner.y, style: CellStyle(.dim), limit: inner.maxX)
      return
    }
    let first = max(0, count - inner.height)
    for (row, k) in (first..<count).enumerated() {
      let i = events[k]
      guard case .output(let task, let text) = history.trace.events.payload(at: i) else { continue }
      let y = inner.y + row
      let now = i >= start
      let lead = now ? cx.glyphs.pointer + " " : "  "
      var x = buffer.write(lead, x: inner.x, y: y, style: CellStyle(.marker, bold: true), limit: inner.maxX)
      x = buffer.write(
        "#\(task.rawValue) ", x: x, y: y, style: CellStyle(.dim), limit: inner.maxX)
      buffer.write(
        TerminalText.visible(cx.string(text)), x: x, y: y,
        style: now ? CellStyle(.highlight, bold: true) : .plain, limit: inner.maxX - 1)
    }
  }

  /// How many of the ascending `indices` are below `end`.
  static func countBelow(_ end: Int, in indices: [Int]) -> Int {
    indices.partitionPoint { $0 < end }
  }
}
