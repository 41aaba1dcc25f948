import AsyncVizTrace
import AsyncVizTraceState

/// The threads model's kernel, in the reactor's place: the gauges (threads
/// alive and their memory, context switches) and the blocked threads with
/// what each sleeps on (a read, nanosleep until a time, a futex).
enum KernelPanel: FixedFramePanel {
  static let spec = PanelFrame.Spec(title: "Kernel", labelWidth: 9, minHeight: 3)

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    let kernel = cx.state.kernel
    let threads =
      "\(kernel.liveThreads) alive, peak \(kernel.peakThreads), \(kernel.contextSwitches) switches"
    let memory =
      "\(KernelCosts.bytesText(kernel.residentBytes)) resident, "
      + "\(KernelCosts.bytesText(kernel.reservedBytes)) virtual"
      // On a real run the threads are real but these bytes are still the
      // model's accounting (KernelCosts), not measured: say so.
      + (cx.trace.program.backend == .epoll ? " (model)" : "")
    var y = frame.inner.y
    guard frame.row("threads", threads, y: &y, into: &buffer),
      frame.row("memory", memory, y: &y, into: &buffer)
    else { return }
    frame.label("blocked", y: y, into: &buffer)
    if kernel.blocked.isEmpty {
      frame.plainText("(none)", y: y, style: CellStyle(.dim), into: &buffer)
      return
    }
    let maxY = frame.inner.maxY
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
