import AsyncVizTrace
import AsyncVizTraceState

/// The node model's event loop, in the reactor's place: libuv's phase ring
/// with the current phase marked, the timer heap (the timers phase's
/// queue), the immediates (the check phase's queue), epoll's interest list
/// (the poll phase's) and the poll phase's last wait.
enum EventLoopPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "Event loop", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height >= 3, inner.width > 14 else { return }
    let node = cx.state.node
    let labelX = inner.x + 1
    let textX = labelX + 8
    let limit = inner.maxX - 1
    let width = limit - textX
    var y = inner.y
    // The ring: each phase's name, the current one in reverse video.
    buffer.write("phase", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    var x = textX
    for (i, phase) in LoopPhase.allCases.enumerated() {
      if i > 0 { x = buffer.write(" ", x: x, y: y, limit: limit) }
      let current = node.phase == phase
      x = buffer.write(
        phase.name, x: x, y: y,
        style: current ? CellStyle(.polling, bold: true, reverse: true) : CellStyle(.dim),
        limit: limit)
    }
    y += 1
    // Immediates and epoll take a row each, the last wait one when there is
    // room for two rows of timers besides; the timers get the rest.
    let rowsLeft = inner.maxY - y
    let showWait = rowsLeft >= 6
    let timerRows = max(1, rowsLeft - 2 - (showWait ? 1 : 0))
    buffer.write("timers", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    let timers = node.timers.map { "\(DurationText.duration($0.deadlineUs)) \(cx.label($0.task))" }
    let timerLines =
      timers.isEmpty
      ? ["(none)"] : CallStackPanel.wrap(timers, width: width, rows: timerRows, separator: ", ")
    for line in timerLines where y < inner.maxY {
      buffer.write(
        line, x: textX, y: y,
        style: timers.isEmpty ? CellStyle(.dim) : .plain, limit: limit)
      y += 1
    }
    guard y < inner.maxY else { return }
    buffer.write("check", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    let immediates =
      node.immediates.isEmpty
      ? "(no immediates)" : node.immediates.map { cx.label($0) }.joined(separator: " \(cx.glyphs.arrow) ")
    buffer.write(
      immediates.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: y,
      style: node.immediates.isEmpty ? CellStyle(.dim) : CellStyle(.ready), limit: limit)
    y += 1
    guard y < inner.maxY else { return }
    buffer.write("epoll", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    let interest = cx.state.reactor.interest
    let epoll =
      interest.isEmpty
      ? "(no fds: resources are timers on sim)"
      : interest.map { "fd \($0.fd) \(cx.label($0.task))" }.joined(separator: ", ")
    buffer.write(
      epoll.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: y, style: CellStyle(.dim), limit: limit)
    y += 1
    guard showWait, y < inner.maxY else { return }
    buffer.write("waited", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    let wait = cx.state.reactor.lastWait.map { last -> String in
      let timeout = last.timeoutUs.map { DurationText.duration($0) } ?? "none"
      return "epoll_wait \(timeout) (step \(last.step))"
    }
    buffer.write(
      (wait ?? "(not yet)").fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: y,
      style: CellStyle(wait == nil ? .dim : .text), limit: limit)
  }
}
