import AsyncVizTrace
import AsyncVizTraceState

/// The threads model's kernel, in the reactor's place: the gauges (threads
/// alive and their memory, context switches) and the blocked threads with
/// what each sleeps on (a read, nanosleep until a time, a futex).
enum KernelPanel: FramedPanel {
  static func frameSpec(_ cx: PanelContext) -> PanelFrame.Spec {
    PanelFrame.Spec(title: "Kernel", labelWidth: 9, minHeight: 3)
  }

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    let kernel = cx.state.kernel
    let maxY = frame.inner.maxY
    var y = frame.inner.y
    let rows: [(String, String)] = [
      (
        "threads",
        "\(kernel.liveThreads) alive, peak \(kernel.peakThreads), \(kernel.contextSwitches) switches"
      ),
      (
        "memory",
        "\(KernelCosts.bytesText(kernel.residentBytes)) resident, "
          + "\(KernelCosts.bytesText(kernel.reservedBytes)) virtual"
          // On a real run the threads are real but these bytes are still the
          // model's accounting (KernelCosts), not measured: say so.
          + (cx.trace.program.backend == .epoll ? " (model)" : "")
      ),
    ]
    for (label, text) in rows where y < maxY {
      frame.label(label, y: y, into: &buffer)
      frame.text(text, y: y, into: &buffer)
      y += 1
    }
    guard y < maxY else { return }
    frame.label("blocked", y: y, into: &buffer)
    if kernel.blocked.isEmpty {
      frame.plainText("(none)", y: y, style: CellStyle(.dim), into: &buffer)
      return
    }
    for (i, entry) in kernel.blocked.enumerated() where y < maxY {
      let left = kernel.blocked.count - i
      if y == maxY - 1 && left > 1 {
        frame.plainText("... \(left) more", y: y, style: CellStyle(.dim), into: &buffer)
        return
      }
      frame.text(
        "#\(entry.task.rawValue) \(waitText(entry, cx))", y: y, style: CellStyle(.pending), into: &buffer)
      y += 1
    }
  }

  /// What a blocked thread sleeps on, in the kernel's words.
  static func waitText(_ entry: KernelState.Blocked, _ cx: PanelContext) -> String {
    let text = PanelContext.threadWait(entry.awaiting, untilUs: entry.untilUs, trace: cx.trace)
    return text.isEmpty ? "the kernel" : text
  }
}
