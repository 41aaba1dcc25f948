import AsyncVizTrace
import AsyncVizTraceState

/// The bottom two lines: the status line (why the run ended, or the latest
/// message) and the keys.
enum FooterPanel {
  static func drawKeys(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    var keys = KeyMap.footer(glyphs: cx.glyphs, models: cx.model.access != .traceOnly)
    // A key that does not fit is left out whole, never cut: the lowest rank first.
    func width() -> Int { keys.map { CharWidth.of($0.key) + CharWidth.of($0.word) + 3 }.reduce(1, +) - 2 }
    while width() > rect.width, let i = keys.indices.min(by: { keys[$0].rank < keys[$1].rank }) {
      keys.remove(at: i)
    }
    var x = rect.x + 1
    for (key, word, _) in keys {
      guard x + CharWidth.of(key) + 1 + CharWidth.of(word) <= rect.maxX else { break }
      x = buffer.write(key, x: x, y: rect.y, style: CellStyle(.key, bold: true), limit: rect.maxX)
      x = buffer.write(" \(word)  ", x: x, y: rect.y, style: CellStyle(.dim), limit: rect.maxX)
    }
  }

  static func drawStatus(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let (text, role) = status(cx, width: rect.width - 2)
    buffer.write(
      " " + text.fitted(rect.width - 2, ellipsis: cx.glyphs.ellipsis), x: rect.x, y: rect.y,
      style: CellStyle(role, bold: role == .warning), limit: rect.maxX)
  }

  /// The status text and its role, for a line `width` columns wide: a hint
  /// after the end reason is only added when the whole reason still fits.
  static func status(_ cx: PanelContext, width: Int = .max) -> (String, StyleRole) {
    let (text, role) = endStatus(cx)
    guard cx.model.message == nil, cx.model.isAtEnd, let hint = cx.model.endHint else { return (text, role) }
    let hinted = "\(text) (\(hint))"
    return (CharWidth.of(hinted) <= width ? hinted : text, role)
  }

  /// The latest message, or why the run ended, and its role.
  static func endStatus(_ cx: PanelContext) -> (String, StyleRole) {
    if let message = cx.model.message { return (message, .status) }
    let history = cx.model.history
    guard let end = history.trace.end else {
      if cx.model.isReading {
        return (
          "Still " + ViewerModel.readingText(cx.model.readProgress)
            + " of the file: the steps read so far show now; G waits for the rest.", .status
        )
      }
      if cx.model.isLive && cx.model.isAtEnd {
        return ("Live run: the next step runs the program one scheduling action further.", .status)
      }
      return ("", .status)
    }
    // At the last step the reason always shows; a key that tried to go
    // further adds its hint (in `status`) rather than replacing the reason.
    let at = cx.model.isAtEnd ? "" : " (you are at step \(cx.model.step))"
    switch end.reason {
    case .completed:
      let final = cx.model.endState ?? cx.state
      let left = final.tasks.reduce(0) { $0 + ($1.status == .dropped ? 1 : 0) }
      let why = completedWhy(model: cx.trace.program.model, dropped: left)
      return (
        "Run completed at step \(end.steps), t = \(DurationText.instant(end.tUs)): \(why).\(at)", .status
      )
    case .maxSteps:
      return (
        "Run stopped at the step limit (\(English.count(Int(end.steps), "step"))): it had not finished; "
          + "a higher --max-steps lets it go on.\(at)", .warning
      )
    case .error:
      return (
        "Run ended with a run-time error at step \(end.steps): see the `error:` line in the output.\(at)",
        .warning
      )
    case .stuck:
      let final = cx.model.endState ?? cx.state
      let why = end.stuckTasks.map { stuckReason($0, in: final, cx) }.joined(separator: ", ")
      return ("Stuck at step \(end.steps): nothing can wake \(why).\(at)", .warning)
    }
  }

  /// Why a completed run ended, in its model's words: every unit finished,
  /// or main returned first and the rest went with it (rust's block_on
  /// drops them; under go and threads main's return is exit(), which kills
  /// every thread of the process and the goroutines on them).
  static func completedWhy(model: RuntimeModel, dropped: Int) -> String {
    switch (model, dropped) {
    case (.rust, 0): return "every task is done"
    case (.node, 0): return "every async call has settled"
    case (.go, 0): return "every goroutine has returned"
    case (.threads, 0): return "every thread has exited"
    case (.rust, _), (.node, _):
      return "main returned, and the runtime dropped \(English.count(dropped, "task")) still alive"
    case (.go, _):
      return "main returned, and the process's exit killed \(English.count(dropped, "goroutine")) still alive"
    case (.threads, _):
      return "main returned, and exit() killed \(English.count(dropped, "thread")) still alive"
    }
  }

  /// "#2 lost (waker lost)" or "#1 main (on JoinHandle #2 L14)".
  static func stuckReason(_ id: TaskID, in state: TraceState, _ cx: PanelContext) -> String {
    guard let task = state.task(id) else { return cx.label(id) }
    if task.hasLint(.lostWaker) { return "\(cx.label(id)) (waker lost)" }
    // The wait is read from the run's last state, with the task: the shown
    // step's go or kernel state would name what the task waited on then.
    let last = PanelContext(trace: cx.trace, state: state, model: cx.model, options: cx.options)
    return "\(cx.label(id)) (on \(last.awaitingText(task)))"
  }
}
