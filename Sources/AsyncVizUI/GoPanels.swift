import AsyncVizTrace
import AsyncVizTraceState

/// The go model's panels, in the places of the executor and the reactor:
/// the Ps (the goroutine each runs, its M, runnext and local run queue), then
/// the scheduler's shared parts (the global run queue, the Ms and what each
/// does, the netpoller's interest list, the timers).
enum GoPanels {
  /// Each P: what it runs on which M, then its runnext and local queue, on a
  /// second line when there is room ("P0 M1  running #2 ticker", "next #3
  /// local #4 #5"), else on the same line.
  enum Procs: FramedPanel {
    static func frameSpec(_ cx: PanelContext) -> PanelFrame.Spec {
      let title = "Ps (GOMAXPROCS \(max(1, cx.state.go.procs.count)))"
      return PanelFrame.Spec(title: title, labelWidth: 7, minHeight: 1, minWidth: 12)
    }

    static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
      let go = cx.state.go
      let inner = frame.inner
      let limit = frame.limit
      let procs = go.procs.isEmpty ? [GoSchedState.Proc()] : go.procs
      let twoLines = inner.height >= 2 * procs.count
      var y = inner.y
      for (p, proc) in procs.enumerated() where y < inner.maxY {
        let head = "P\(p) " + (proc.m.map { "M\($0)" } ?? "--")
        var x = buffer.write(head.padded(7), x: frame.labelX, y: y, style: CellStyle(.dim), limit: limit)
        let (doing, style) = doingText(proc.doing, cx)
        x = buffer.write(doing + "  ", x: x, y: y, style: style, limit: limit)
        let local = proc.local.isEmpty ? "-" : proc.local.map { "#\($0.rawValue)" }.joined(separator: " ")
        let queue = "next " + (proc.runnext.map { "#\($0.rawValue)" } ?? "-") + "  local " + local
        if twoLines {
          y += 1
          x = frame.textX
        }
        buffer.write(
          queue.fitted(max(0, limit - x), ellipsis: frame.ellipsis), x: x, y: y, style: CellStyle(.ready),
          limit: limit)
        y += 1
      }
    }

    /// What a P does, in Go's words.
    static func doingText(_ doing: GoSchedState.PDoing, _ cx: PanelContext) -> (String, CellStyle) {
      switch doing {
      case .running(let g): ("running " + cx.label(g), CellStyle(.text, bold: true))
      case .syscall(let g): ("in syscall with " + cx.label(g), CellStyle(.text))
      case .scheduling: ("schedule()", CellStyle(.dim))
      case .idle: ("idle", CellStyle(.dim))
      }
    }
  }

  /// The global queue, the Ms, the netpoller and the timers.
  enum Scheduler: FixedFramePanel {
    static let spec = PanelFrame.Spec(title: "Scheduler", labelWidth: 10, minHeight: 4)

    static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
      let inner = frame.inner
      let go = cx.state.go
      // Each section's lines are formatted lazily: only the lines shown are
      // made (60,000 goroutines can wait in the netpoller).
      var rows: [(String, AnyRandomAccessCollection<String>)] = []
      let global = PanelFrame.oneLine(go.global, separator: ", ", ellipsis: frame.ellipsis) { cx.label($0) }
      rows.append(("global", lines([go.global.isEmpty ? "(empty)" : global])))
      let ms = go.ms.isEmpty ? ["M0 running"] : go.ms.enumerated().map { "M\($0)  " + mText($1, cx) }
      rows.append(("Ms", lines(ms)))
      let polled = go.netpoller.lazy.map { "\(cx.label($0)) (IO wait)" }
      rows.append(("netpoller", polled.isEmpty ? lines(["(nothing waits on I/O)"]) : lines(polled)))
      let timers = cx.state.goTimers.lazy.map {
        "\(DurationText.instant($0.deadlineUs).leftPadded(11))  \(cx.label($0.task))"
      }
      rows.append(("timers", timers.isEmpty ? lines(["(none)"]) : lines(timers)))
      // The costs line only when the Ms keep their own lines.
      if inner.height >= rows.map(\.1.count).reduce(0, +) + 1 {
        let threads = max(1, go.ms.count)
        let stackKiB = Int64(go.liveGoroutines) * GoCosts.stackBytes / 1024
        rows.append(("costs", lines(["\(go.liveGoroutines) G: \(stackKiB) KiB of stacks; \(threads) Ms"])))
      }
      var y = inner.y
      // Each section gets its lines while room lasts, keeping one row for each section after it.
      for (k, row) in rows.enumerated() {
        let room = inner.maxY - y - (rows.count - 1 - k)
        guard room > 0 else { break }
        frame.label(row.0, y: y, into: &buffer)
        // Every section has a line at least (its placeholder), so `empty` is never shown.
        for line in PanelFrame.clipped(row.1, rows: room, empty: "", { $0 }) {
          frame.text(line, y: y, style: PanelFrame.lineStyle(line), into: &buffer)
          y += 1
        }
      }
    }

    private static func lines<Lines: RandomAccessCollection<String>>(_ lines: Lines)
      -> AnyRandomAccessCollection<String>
    {
      AnyRandomAccessCollection(lines)
    }

    /// What an M does.
    static func mText(_ m: GoSchedState.MDoing, _ cx: PanelContext) -> String {
      switch m {
      case .running(let p, let g): "on P\(p), " + (g.map { "running " + cx.label($0) } ?? "looking for work")
      case .syscall(let g): "syscall: " + cx.label(g) + " (no P)"
      case .idle: "idle (parked)"
      }
    }
  }
}
