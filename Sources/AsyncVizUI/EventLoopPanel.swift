import AsyncVizTrace
import AsyncVizTraceState

/// The node model's event loop, in the reactor's place: libuv's phase ring
/// with the current phase marked, the timer heap (the timers phase's
/// queue), the immediates (the check phase's queue), epoll's interest list
/// (the poll phase's) and the poll phase's last wait.
enum EventLoopPanel: FixedFramePanel {
  static let spec = PanelFrame.Spec(title: "Event loop", labelWidth: 8, minHeight: 3)

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    let node = cx.state.node
    let maxY = frame.inner.maxY
    var y = frame.inner.y
    // The ring: each phase's name, the current one in reverse video.
    frame.label("phase", y: y, into: &buffer)
    var x = frame.textX
    for (i, phase) in LoopPhase.allCases.enumerated() {
      if i > 0 { x = buffer.write(" ", x: x, y: y, limit: frame.limit) }
      let current = node.phase == phase
      x = buffer.write(
        phase.name, x: x, y: y,
        style: current ? CellStyle(.polling, bold: true, reverse: true) : CellStyle(.dim),
        limit: frame.limit)
    }
    y += 1
    // Immediates and epoll take a row each, the last wait one when there is
    // room for two rows of timers besides; the timers get the rest.
    let rowsLeft = maxY - y
    let showWait = rowsLeft >= 6
    let timerRows = max(1, rowsLeft - 2 - (showWait ? 1 : 0))
    frame.label("timers", y: y, into: &buffer)
    let timers = cx.state.reactor.timers.lazy.map {
      "\(DurationText.duration($0.deadlineUs)) \(cx.label($0.task))"
    }
    let timerLines =
      timers.isEmpty
      ? ["(none)"] : CallStackPanel.wrap(timers, width: frame.width, rows: timerRows, separator: ", ")
    for line in timerLines where y < maxY {
      frame.plainText(line, y: y, style: timers.isEmpty ? CellStyle(.dim) : .plain, into: &buffer)
      y += 1
    }
    guard y < maxY else { return }
    let immediates =
      node.immediates.isEmpty
      ? "(no immediates)" : node.immediates.map { cx.label($0) }.joined(separator: " \(cx.glyphs.arrow) ")
    let immediatesStyle = node.immediates.isEmpty ? CellStyle(.dim) : CellStyle(.ready)
    guard frame.row("check", immediates, style: immediatesStyle, y: &y, into: &buffer) else { return }
    let interest = cx.state.reactor.interest
    let epoll =
      interest.isEmpty
      ? "(no fds: resources are timers on sim)"
      : interest.map { "fd \($0.fd) \(cx.label($0.task))" }.joined(separator: ", ")
    guard frame.row("epoll", epoll, style: CellStyle(.dim), y: &y, into: &buffer), showWait else { return }
    let wait = cx.state.reactor.lastWait.map { last -> String in
      let timeout = last.timeoutUs.map { DurationText.duration($0) } ?? "none"
      return "epoll_wait \(timeout) (step \(last.step))"
    }
    frame.row(
      "waited", wait ?? "(not yet)", style: CellStyle(wait == nil ? .dim : .text), y: &y, into: &buffer)
  }
}
