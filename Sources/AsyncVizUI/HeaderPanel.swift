import AsyncVizTrace

/// The top line: program, step k / n, virtual time, backend, play state and speed.
enum HeaderPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let style = CellStyle(.header)
    buffer.fill(rect, style: style)
    let model = cx.model
    let total = model.history.lastStep
    // While a live run can still grow, "+" says that more steps may come.
    let more = model.isLive && !model.history.isComplete ? "+" : ""
    let steps = "step \(model.step)/\(total)\(more)"
    let real = cx.trace.program.backend == .sim ? "" : " real"
    let parts = [
      "asyncviz", cx.trace.program.name, "backend \(cx.trace.program.backend.rawValue)", steps,
      "t = \(DurationText.instant(cx.state.nowUs))\(real)", "\(model.mode.name)  \(model.speed) steps/s",
    ]
    var x = rect.x + 1
    for (i, part) in parts.enumerated() {
      let bold = i == 0 || i == 3
      x = buffer.write(part, x: x, y: rect.y, style: CellStyle(.header, bold: bold), limit: rect.maxX - 8) + 2
    }
    buffer.writeRight("? help ", end: rect.maxX, y: rect.y, style: CellStyle(.header, bold: true))
  }
}
