import AsyncVizTrace
import AsyncVizTraceState

/// One lane per task across virtual time (or across steps, `T`): polls as
/// bars, waiting as a thin line labelled with what the task waits on, time
/// in the run queue as dots, wakes as marks with their cause (r reactor,
/// t timer, j another task, s itself, d deferred), and a late timer's
/// lateness written after its mark. The current step is a cursor column.
/// With more tasks than rows, the lanes follow the selected task and the
/// last row counts the others.
enum TimelinePanel {
  /// Whether the run so far has moved the clock: one that has not (every
  /// poll at 0 ms) has no time to spread over, and is drawn by step.
  static func hasTime(_ trace: Trace) -> Bool { (trace.end?.tUs ?? trace.events.last?.tUs ?? 0) > 0 }

  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    let bySteps = cx.model.timelineBySteps || !hasTime(cx.trace)
    buffer.box(
      rect, title: bySteps ? "Timeline (by step; T: by time)" : "Timeline (by time; T: by step)",
      glyphs: cx.glyphs)
    let inner = rect.interior
    let index = cx.model.timeline
    let taskCount = index.taskCount
    let labelWidth = min(16, 2 + (cx.trace.tasks.map { CharWidth.of(cx.label($0.id)) }.max() ?? 8))
    let width = inner.width - labelWidth - 1
    guard inner.height >= 2, width >= 10, taskCount > 0 else { return }
    let scale = Scale(cx, bySteps: bySteps, columns: width)
    var laneRows = inner.height - 1
    let overflow = taskCount > laneRows
    if overflow { laneRows -= 1 }
    let first = TasksPanel.window(count: taskCount, rows: laneRows, selected: cx.model.selected.index)
    let lanes = first..<min(taskCount, first + laneRows)
    let cursor = scale.column(us: cx.state.nowUs, step: cx.model.step)
    for (row, k) in lanes.enumerated() {
      let y = inner.y + row
      let id = TaskID(UInt32(k + 1))
      let selected = id == cx.model.selected
      buffer.write(
        (selected ? cx.glyphs.pointer : " ") + cx.label(id), x: inner.x, y: y,
        style: CellStyle(selected ? .marker : .text, bold: selected), limit: inner.x + labelWidth)
      drawLane(index, k, scale, cx, into: &buffer, x: inner.x + labelWidth + 1, y: y, cursor: cursor)
    }
    if overflow {
      let others = taskCount - lanes.count
      buffer.write(
        "+\(English.count(others, "more task")) (tab selects; their lanes follow)", x: inner.x,
        y: inner.maxY - 2, style: CellStyle(.dim), limit: inner.maxX)
    }
    drawAxis(scale, cx, into: &buffer, x: inner.x + labelWidth + 1, y: inner.maxY - 1, cursor: cursor)
  }

  /// Maps time (or steps) to columns.
  struct Scale {
    let bySteps: Bool
    let columns: Int
    /// The last time or step of the recorded run (at least 1).
    let span: Int64

    init(_ cx: PanelContext, bySteps: Bool, columns: Int) {
      self.bySteps = bySteps
      self.columns = columns
      let last = cx.trace.end?.tUs ?? cx.trace.events.last?.tUs ?? 0
      span = max(1, bySteps ? Int64(cx.model.history.lastStep) : last)
    }

    /// The column of a time or step.
    func column(us: Int64, step: UInt32) -> Int {
      let v = bySteps ? Int64(step) : us
      return Int(min(Int64(columns - 1), max(0, v) * Int64(columns - 1) / span))
    }

    /// The time or step range a column covers: [lower, upper].
    func range(_ c: Int) -> (Int64, Int64) {
      let lo = (Int64(c) * span + Int64(columns - 2)) / Int64(columns - 1)
      let hi = (Int64(c + 1) * span + Int64(columns - 2)) / Int64(columns - 1) - 1
      return (lo, max(lo, hi))
    }
  }

  private static func drawLane(
    _ index: TimelineIndex, _ k: Int, _ scale: Scale, _ cx: PanelContext, into buffer: inout CellBuffer,
    x: Int, y: Int, cursor: Int
  ) {
    let (segments, marks) = index.lane(k, in: cx.trace)
    var cells = Array(repeating: (glyph: " ", role: StyleRole.dim), count: scale.columns)
    for s in segments {
      let a = scale.column(us: s.startUs, step: s.startStep)
      let b =
        s.endUs == .max
        ? scale.column(us: cx.state.nowUs, step: cx.model.step)
        : scale.column(us: s.endUs, step: s.endStep)
      guard a <= b else { continue }
      for c in a...b {
        let (glyph, role, rank) = look(s.activity, cx)
        if rank >= rankOf(cells[c].glyph, cx) { cells[c] = (glyph, role) }
      }
    }
    // Only what happened up to the cursor: the future of the run is not told.
    for c in 0..<scale.columns where c > cursor { cells[c] = (" ", .dim) }
    for m in marks where scale.column(us: m.tUs, step: m.step) <= cursor {
      let c = scale.column(us: m.tUs, step: m.step)
      cells[c] = (cause(m.by), .lint)
    }
    for (c, cell) in cells.enumerated() {
      let style = c == cursor ? CellStyle(.highlight, bold: true) : CellStyle(cell.role)
      buffer.write(cell.glyph, x: x + c, y: y, style: style)
    }
    // Labels: what a wait is on, written over its line where it fits.
    for s in segments {
      guard case .waiting(let awaited) = s.activity else { continue }
      let a = scale.column(us: s.startUs, step: s.startStep) + 1
      let end = s.endUs == .max ? cursor : min(cursor, scale.column(us: s.endUs, step: s.endStep)) - 1
      let text = cx.awaitedPhrase(awaited, brief: true)
      if !text.isEmpty && end - a + 1 >= CharWidth.of(text) + 2 {
        buffer.write(text, x: x + a + 1, y: y, style: CellStyle(.pending), limit: x + end)
      }
    }
    for m in marks where m.lateUs > 0 {
      let c = scale.column(us: m.tUs, step: m.step)
      guard c <= cursor else { continue }
      let text = "\(DurationText.duration(m.lateUs)) late"
      let at = c + 2 + CharWidth.of(text) <= scale.columns ? c + 2 : c - 1 - CharWidth.of(text)
      if at >= 0 { buffer.write(text, x: x + at, y: y, style: CellStyle(.warning, bold: true)) }
    }
  }

  /// Glyph, role and priority of an activity (a poll wins a column over a wait).
  private static func look(_ a: TimelineIndex.Activity, _ cx: PanelContext) -> (String, StyleRole, Int) {
    switch a {
    case .polling: (cx.options.ascii ? "#" : "█", .polling, 3)
    case .waiting: (cx.options.ascii ? "-" : "─", .pending, 2)
    case .ready: (cx.options.ascii ? "." : "·", .ready, 1)
    }
  }

  private static func rankOf(_ glyph: String, _ cx: PanelContext) -> Int {
    switch glyph {
    case "█", "#": 3
    case "─", "-": 2
    case "·", ".": 1
    default: 0
    }
  }

  /// The mark of a wake's cause.
  static func cause(_ by: WakeSource) -> String {
    switch by {
    case .reactor: "r"
    case .timer: "t"
    case .task: "j"
    case .own: "s"
    case .deferred: "d"
    }
  }

  private static func drawAxis(
    _ scale: Scale, _ cx: PanelContext, into buffer: inout CellBuffer, x: Int, y: Int, cursor: Int
  ) {
    let end = scale.bySteps ? "step \(scale.span)" : DurationText.instant(scale.span)
    buffer.write(scale.bySteps ? "step 0" : "0 ms", x: x, y: y, style: CellStyle(.dim))
    buffer.writeRight(end, end: x + scale.columns, y: y, style: CellStyle(.dim))
    let here =
      scale.bySteps ? "^ step \(cx.model.step)" : "^ t = \(DurationText.instant(cx.state.nowUs))"
    let at = min(max(0, cursor), max(0, scale.columns - CharWidth.of(here)))
    buffer.write(here, x: x + at, y: y, style: CellStyle(.title, bold: true))
  }
}
