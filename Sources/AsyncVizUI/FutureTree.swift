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
///
/// Under node, go and threads the tree says what that runtime waits on, in
/// its words: a promise and the setTimeout that settles it (node), the wait
/// reason of a parked goroutine and the timer that readies it (go), the
/// blocking call a thread sleeps in (threads). Timers carry the future they
/// are for (`TimerPurpose`), so a goroutine in IO wait shows its reply's
/// time as what it is: on sim a timer stands in for the server's latency.
enum FutureTree {
  /// Lines of the tree: label column, text, role.
  static func lines(_ task: TaskInfo, _ cx: PanelContext) -> [(label: String, text: String, role: StyleRole)]
  {
    var lines: [(String, String, StyleRole)] = []
    let now = cx.state.nowUs
    if task.status.isOver {
      lines.append(("awaits", "nothing: \(cx.words.status(task.status))", .dim))
    } else {
      let what = cx.awaitedWhat(task)
      let line = cx.awaitLine(task)
      let point = line > 0 ? "line \(line): " : ""
      if what.isEmpty {
        lines.append(("awaits", task.polls == 0 ? cx.words.notRunYet : point + "-", .text))
      } else {
        lines.append(("awaits", point + what + where_(task, cx), .text))
      }
      lines += leaves(task, cx, now: now)
    }
    for future in cx.state.lazyFutures where future.task == task.id {
      lines.append(
        ("made", "\(cx.string(future.label)) L\(future.line): not polled (lazy)", .pending))
    }
    return lines
  }

  /// Where the wait is kept, when the model has a place for it: a parked
  /// goroutine's wait reason says which.
  private static func where_(_ task: TaskInfo, _ cx: PanelContext) -> String {
    guard cx.trace.program.model == .go, case .waiting(let reason) = cx.state.go.status(task.id) else {
      return ""
    }
    switch reason {
    case .ioWait: return ", parked in the netpoller"
    case .sleep: return ", parked until its timer fires"
    case .chanReceive, .chanSend: return ", parked on a channel"
    case .select: return ", parked on its channels"
    case .selectNoCases: return ", parked forever"
    }
  }

  /// What the task waits on inside its await: one line per fd and timer
  /// (rust: what holds its waker), in the model's words.
  private static func leaves(_ task: TaskInfo, _ cx: PanelContext, now: Int64) -> [(
    String, String, StyleRole
  )] {
    var items = awaitedLeaf(task, cx).map { [$0] } ?? []
    items +=
      cx.trace.program.model == .rust ? rustLeaves(task, cx, now: now) : modelLeaves(task, cx, now: now)
    let glyphs = cx.glyphs
    return items.enumerated().map { i, text in
      let branch = i == items.count - 1 ? glyphs.lastBranch : glyphs.branch
      return ("", "\(branch) \(text)", .text)
    }
  }

  /// The task or the channel the await waits on, in the model's words:
  /// under rust, what holds the task's waker; elsewhere nothing holds a
  /// waker, and the line says what the wait lasts until. Nil for any other await.
  private static func awaitedLeaf(_ task: TaskInfo, _ cx: PanelContext) -> String? {
    let model = cx.trace.program.model
    switch task.awaiting {
    case .joinHandle(let other) where model == .rust:
      return "\(cx.label(other)) to finish (\(cx.state.task(other)?.status.name ?? "not spawned"))"
    case .joinHandle(let other):
      let state = cx.state.task(other).map { cx.words.status($0.status) } ?? "not started"
      return "\(cx.label(other)) to \(model == .node ? "settle" : "exit") (\(state))"
    case .channelSend(let channel):
      return "\(cx.string(channel)): full, "
        + (model == .rust ? "holds the waker" : "until a receiver takes a value")
    case .channelRecv(let channel):
      return "\(cx.string(channel)): empty, " + (model == .rust ? "holds the waker" : "until a sender sends")
    default:
      return nil
    }
  }

  /// Under node, go and threads: each timer by the call that armed it.
  private static func modelLeaves(_ task: TaskInfo, _ cx: PanelContext, now: Int64) -> [String] {
    let model = cx.trace.program.model
    // A thread's nanosleep says its end in the awaits line; its timers are the kernel's.
    guard model != .threads else { return [] }
    return cx.state.reactor.timers(of: task.id, count: Int(task.timersArmed)).map { t in
      let due = (t.deadlineUs > now ? "due at " : "due since ") + DurationText.instant(t.deadlineUs)
      return timerText(t.purpose, model: model, due: due)
    }
  }

  /// A timer of node or go, named by the call that armed it; a resource
  /// call's reply on sim, whose latency a timer stands in for, is the reply.
  static func timerText(_ purpose: TimerPurpose?, model: RuntimeModel, due: String) -> String {
    switch (model, purpose) {
    case (.go, .sleep): "time.Sleep's timer: \(due)"
    case (.go, .timeout): "time.After's timer: \(due)"
    case (.go, .latency): "reply \(due) (sim: a timer)"
    case (.node, .sleep): "setTimeout: \(due)"
    case (.node, .timeout): "setTimeout (timeout): \(due)"
    case (.node, .latency): "reply \(due) (sim: setTimeout)"
    case (.node, nil): "setTimeout: \(due)"
    default: "timer: \(due)"
    }
  }

  /// Under rust: the fds and timers that hold the task's waker.
  private static func rustLeaves(_ task: TaskInfo, _ cx: PanelContext, now: Int64) -> [String] {
    var items: [String] = []
    for r in cx.state.reactor.registrations(of: task.id, count: Int(task.fdsWatched)) {
      let op = r.resource == .empty ? "fd \(r.fd)" : "\(cx.string(r.resource)).\(cx.string(r.op))"
      let where_ = r.answered ? "fd \(r.fd) ready" : "pending on fd \(r.fd)"
      items.append("\(op): \(where_)")
    }
    for t in cx.state.reactor.timers(of: task.id, count: Int(task.timersArmed)) {
      let due = t.deadlineUs > now ? "due at" : "due since"
      items.append("sleep: \(due) \(DurationText.instant(t.deadlineUs))")
    }
    return items
  }
}

extension Glyphs {
  /// "├─": a branch of the future tree with more below it.
  var branch: String { self == .ascii ? "|-" : "├─" }
  /// "└─": the last branch.
  var lastBranch: String { self == .ascii ? "`-" : "└─" }
}
