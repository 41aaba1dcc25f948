import AsyncVizTrace
import AsyncVizTraceState

/// The threads model's kernel, in the reactor's place: the gauges (threads
/// alive and their memory, context switches) and the blocked threads with
/// what each sleeps on (a read, nanosleep until a time, a futex).
enum KernelPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    buffer.box(rect, title: "Kernel", glyphs: cx.glyphs)
    let inner = rect.interior
    guard inner.height >= 3, inner.width > 14 else { return }
    let kernel = cx.state.kernel
    let labelX = inner.x + 1
    let textX = labelX + 9
    let limit = inner.maxX - 1
    let width = limit - textX
    var y = inner.y
    let rows: [(String, String)] = [
      (
        "threads",
        "\(kernel.liveThreads) alive, peak \(kernel.peakThreads), \(kernel.contextSwitches) switches"
      ),
      (
        "memory",
        "\(KernelCosts.bytesText(kernel.residentBytes)) resident, "
          + "\(KernelCosts.bytesText(kernel.reservedBytes)) virtual"
      ),
    ]
    for (label, text) in rows where y < inner.maxY {
      buffer.write(label, x: labelX, y: y, style: CellStyle(.dim), limit: limit)
      buffer.write(text.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: y, limit: limit)
      y += 1
    }
    guard y < inner.maxY else { return }
    buffer.write("blocked", x: labelX, y: y, style: CellStyle(.dim), limit: limit)
    if kernel.blocked.isEmpty {
      buffer.write("(none)", x: textX, y: y, style: CellStyle(.dim), limit: limit)
      return
    }
    for (i, entry) in kernel.blocked.enumerated() where y < inner.maxY {
      let left = kernel.blocked.count - i
      if y == inner.maxY - 1 && left > 1 {
        buffer.write("... \(left) more", x: textX, y: y, style: CellStyle(.dim), limit: limit)
        return
      }
      let text = "#\(entry.task.rawValue) \(waitText(entry, cx))"
      buffer.write(
        text.fitted(width, ellipsis: cx.glyphs.ellipsis), x: textX, y: y, style: CellStyle(.pending),
        limit: limit)
      y += 1
    }
  }

  /// What a blocked thread sleeps on, in the kernel's words.
  static func waitText(_ entry: KernelState.Blocked, _ cx: PanelContext) -> String {
    let label = entry.awaiting.label(in: cx.trace)
    switch entry.awaiting {
    case .resourceCall: return "read \(label)"
    case .sleep: return entry.untilUs.map { "nanosleep until \(DurationText.duration($0))" } ?? "nanosleep"
    case .joinHandle(let other): return "futex: pthread_join #\(other.rawValue)"
    case .channelSend, .channelRecv, .join, .select, .timeout, .lostWaker: return "futex: \(label)"
    default: return label.isEmpty ? "the kernel" : label
    }
  }
}
