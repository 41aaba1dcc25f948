import AsyncVizTrace
import AsyncVizTraceState

/// The reactor: the interest list (fd, interest, task, resource), the last
/// wait's timeout and ready list, and the timer queue.
enum ReactorPanel: FixedFramePanel {
  static let spec = PanelFrame.Spec(title: "Reactor", labelWidth: 10, minHeight: 3)

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    let reactor = cx.state.reactor
    let inner = frame.inner
    // Rows: the wait takes one, timers at least one, the interest list the rest
    // it needs; what is left goes back to the timers.
    let timerNeed = max(1, reactor.timers.count)
    let waitRows = inner.height >= 6 ? 2 : 1
    let interestRows = max(1, min(max(1, reactor.interest.count), inner.height - 1 - waitRows))
    let timerRows = max(1, min(timerNeed, inner.height - waitRows - interestRows))
    var y = inner.y
    frame.label("interest", y: y, into: &buffer)
    let entries = PanelFrame.clipped(reactor.interest, rows: interestRows, empty: "(empty)") {
      interestText($0, cx)
    }
    for line in entries {
      // "woken" is dropped rather than cut when it does not fit; the dim style still says it.
      let woken = line.hasSuffix(Self.wokenSuffix)
      let text =
        woken && CharWidth.of(line) > frame.width ? String(line.dropLast(Self.wokenSuffix.count)) : line
      frame.text(text, y: y, style: woken ? CellStyle(.dim) : PanelFrame.lineStyle(line), into: &buffer)
      y += 1
    }
    y = max(y, inner.y + interestRows)
    frame.label("last wait", y: y, into: &buffer)
    let isNow = reactor.lastWait?.step == cx.model.step && cx.state.action == .reactorTurn
    let waitStyle = CellStyle(reactor.lastWait == nil ? .dim : .text, bold: isNow)
    let wait = waitText(reactor.lastWait, cx)
    let waitLines = waitRows == 2 ? [wait.call, wait.result] : [wait.short + " " + wait.result]
    for line in waitLines where !line.isEmpty {
      frame.text(line, y: y, style: waitStyle, into: &buffer)
      y += 1
    }
    frame.label("timers", y: y, into: &buffer)
    let timers = PanelFrame.clipped(reactor.timers, rows: min(timerRows, inner.maxY - y), empty: "(none)") {
      "\(DurationText.instant($0.deadlineUs).leftPadded(11))  \(cx.label($0.task))"
    }
    for line in timers {
      frame.text(line, y: y, style: PanelFrame.lineStyle(line), into: &buffer)
      y += 1
    }
  }

  /// Marks a registration whose waker was woken and not yet stored again.
  static let wokenSuffix = " woken"

  /// "fd 5  read  #2 handler (db)", and "woken" while no waker is stored.
  static func interestText(_ r: ReactorState.Registration, _ cx: PanelContext) -> String {
    var text = "fd \(r.fd)".padded(5) + " " + r.interest.name.padded(5) + " " + cx.label(r.task)
    let resource = cx.string(r.resource)
    if !resource.isEmpty { text += " (\(resource))" }
    if !r.wakerStored { text += wokenSuffix }
    return text
  }

  /// "epoll_wait(timeout 25 ms)" and "→ fd 5, fd 6 ready", with the wait's
  /// step when it is an older one.
  static func waitText(_ wait: ReactorState.Wait?, _ cx: PanelContext) -> (
    call: String, short: String, result: String
  ) {
    guard let wait else { return ("(no wait yet)", "(no wait yet)", "") }
    let timeout = wait.timeoutUs.map { DurationText.duration($0) } ?? cx.glyphs.infinity
    let fds = wait.ready.map { "fd \($0.fd)" }
    // Many ready fds: the count first, so that it survives when the line is cut.
    let ready =
      fds.isEmpty
      ? "no fd ready"
      : fds.count <= 3
        ? fds.joined(separator: ", ") + " ready"
        : "\(fds.count) ready: " + summary(fds, limit: 3)
    // An older wait says its step: first on the one-line form, where the end may be cut.
    let old = wait.step != cx.model.step
    let call = "epoll_wait(timeout \(timeout))" + (old ? " at step \(wait.step)" : "")
    let short = (old ? "step \(wait.step): " : "") + "epoll_wait(\(timeout))"
    return (call, short, "\(cx.glyphs.arrow) \(ready)")
  }

  /// "fd 5, fd 6, fd 7 +997": the first `limit` items and how many more.
  static func summary(_ items: [String], limit: Int) -> String {
    let shown = items.prefix(limit).joined(separator: ", ")
    return items.count > limit ? "\(shown) +\(items.count - limit)" : shown
  }
}
