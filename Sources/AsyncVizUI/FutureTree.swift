import AsyncVizTrace
import AsyncVizTraceState

/// The selected task's futures, as the task detail shows them: the await
/// point and what it waits on, the leaf futures inside it that hold the
/// task's waker (an fd per resource call, a timer per sleep: what a `join`
/// or `select` is waiting on), and the futures it made and has not polled
/// yet ("lookup made at line 17, not polled: lazy").
///
/// What the trace does not record is not shown: the async fns between the
/// task and the leaf (a nested `lookup` call shows as its innermost await)
/// and the task's locals.
enum FutureTree {
  /// Lines of the tree: label column, text, role.
  static func lines(_ task: TaskInfo, _ cx: PanelContext) -> [(label: String, text: String, role: StyleRole)]
  {
    var lines: [(String, String, StyleRole)] = []
    let now = cx.state.nowUs
    if task.status.isOver {
      lines.append(("awaits", "nothing: \(task.status.name)", .dim))
    } else {
      let what = task.awaiting.phrase(in: cx.trace)
      let point = task.line > 0 ? "line \(task.line): " : ""
      if what.isEmpty {
        lines.append(("awaits", task.polls == 0 ? "not polled yet: nothing has run" : point + "-", .text))
      } else {
        lines.append(("awaits", point + what, .text))
      }
      lines += leaves(task, cx, now: now)
    }
    for future in cx.state.lazyFutures where future.task == task.id {
      lines.append(
        ("made", "\(cx.string(future.label)) L\(future.line): not polled (lazy)", .pending))
    }
    return lines
  }

  /// What holds the task's waker inside its await: one line per fd and timer.
  private static func leaves(_ task: TaskInfo, _ cx: PanelContext, now: Int64) -> [(
    String, String, StyleRole
  )] {
    var items: [String] = []
    switch task.awaiting {
    case .joinHandle(let other):
      let state = cx.state.task(other)?.status.name ?? "not spawned"
      items.append("\(cx.label(other)) to finish (\(state))")
    case .channelSend(let channel):
      items.append("\(cx.string(channel)): full, holds the waker")
    case .channelRecv(let channel):
      items.append("\(cx.string(channel)): empty, holds the waker")
    default:
      break
    }
    for r in cx.state.reactor.registrations(of: task.id, count: Int(task.fdsWatched)) {
      let op = r.resource == .empty ? "fd \(r.fd)" : "\(cx.string(r.resource)).\(cx.string(r.op))"
      let where_ = r.answered ? "fd \(r.fd) ready" : "pending on fd \(r.fd)"
      items.append("\(op): \(where_)")
    }
    for t in cx.state.reactor.timers(of: task.id, count: Int(task.timersArmed)) {
      let due = t.deadlineUs > now ? "due at" : "due since"
      items.append("sleep: \(due) \(DurationText.instant(t.deadlineUs))")
    }
    let glyphs = cx.glyphs
    return items.enumerated().map { i, text in
      let branch = i == items.count - 1 ? glyphs.lastBranch : glyphs.branch
      return ("", "\(branch) \(text)", .text)
    }
  }
}

extension Glyphs {
  /// "├─": a branch of the future tree with more below it.
  var branch: String { self == .ascii ? "|-" : "├─" }
  /// "└─": the last branch.
  var lastBranch: String { self == .ascii ? "`-" : "└─" }
}
