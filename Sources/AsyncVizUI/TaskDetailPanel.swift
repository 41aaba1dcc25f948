import AsyncVizTrace
import AsyncVizTraceState

/// The selected task in detail: state and for how long, what it awaits,
/// polls and wakes, busy / scheduled / idle time as tokio-console defines
/// them (polled / in the run queue / waiting for a wake), lints, parent.
/// Under node, go and threads the same facts in their words (`TaskWords`):
/// runs and wakes (resumes under node), the time spent running, queued or runnable,
/// and awaiting, waiting or blocked; no wakers, which only Rust has.
enum TaskDetailPanel: FramedPanel {
  static func frameSpec(_ cx: PanelContext) -> PanelFrame.Spec {
    PanelFrame.Spec(
      title: "\(cx.words.unit) \(cx.label(cx.model.selected))", labelWidth: 10, minHeight: 1, minWidth: 12)
  }

  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer) {
    for (i, line) in lines(cx.model.selected, cx).prefix(frame.inner.height).enumerated() {
      let y = frame.inner.y + i
      // A label longer than its column pushes its text right rather than being cut.
      let x = frame.label(line.label.padded(10), y: y, into: &buffer)
      buffer.write(
        line.text.fitted(frame.limit - x, ellipsis: frame.ellipsis), x: x, y: y,
        style: CellStyle(line.role, bold: line.role != .text && line.role != .dim), limit: frame.limit)
    }
  }

  /// The labelled lines of the panel.
  static func lines(_ id: TaskID, _ cx: PanelContext) -> [(label: String, text: String, role: StyleRole)] {
    guard let task = cx.state.task(id) else {
      return [("", "not \(cx.words.made) yet at step \(cx.model.step)", .dim)]
    }
    let now = cx.state.nowUs
    let since = DurationText.duration(max(0, now - task.sinceUs))
    let words = cx.words
    func pair(_ a: String, _ b: String, _ c: String) -> String { a.padded(9) + " " + b.padded(10) + c }
    // The future tree and the lints first: the counters give way when rows are short.
    var essential: [(label: String, text: String, role: StyleRole)] = [
      ("state", "\(TasksPanel.statusWord(task, cx)) for \(since)", .of(task.status))
    ]
    essential += FutureTree.lines(task, cx)
    let lints = cx.state.lints.filter { $0.task == id }
    for lint in lints {
      // long-poll is asyncviz's own lint, not tokio-console's: say so where it is named.
      let name = lint.code.isTokioConsoleLint ? lint.code.name : "\(lint.code.name) (asyncviz's own)"
      essential.append(("lint", "\(name): \(cx.string(lint.detail))", .lint))
    }
    let isRust = cx.trace.program.model == .rust
    // Self wakes and stored wakers are Rust's (a waker is `std::task`'s).
    let wakes = isRust ? "\(task.wakes) (\(task.selfWakes) self)" : "\(task.wakes)"
    let idle = DurationText.duration(task.idleUs(at: now))
    var counters: [(label: String, text: String, role: StyleRole)] = [
      (words.runs, pair("\(task.polls)", words.wakes, wakes), .text),
      (
        words.busy,
        pair(
          DurationText.duration(task.busyUs(at: now)), words.scheduled,
          DurationText.duration(task.scheduledUs(at: now))),
        .text
      ),
      (words.idle, isRust ? pair(idle, "wakers", "\(max(0, task.wakersHeld)) held") : idle, .text),
    ]
    if lints.isEmpty {
      let parent = cx.trace.task(id)?.parent.map { " by \(cx.label($0))" } ?? words.root
      counters.append((words.made, "at \(DurationText.instant(task.spawnedUs))\(parent)", .text))
    }
    return essential + counters
  }
}
