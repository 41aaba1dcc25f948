/// Draws a whole frame of the viewer into a cell buffer: the panels of
/// the front end's layout at the layout's places, the help over them when it is
/// open, or the resize screen when the terminal is too small.
public enum ScreenRenderer {
  /// The frame for `model` at `width` x `height`.
  public static func render(_ model: ViewerModel, width: Int, height: Int, options: ViewOptions) -> CellBuffer
  {
    var buffer = CellBuffer(width: width, height: height)
    guard let layout = ScreenLayout.make(width: width, height: height, model: model) else {
      // The compare table needs no panel: it shows at any size.
      if case .compare = model.mode, model.comparison != nil {
        let cx = PanelContext(trace: model.history.trace, state: model.state, model: model, options: options)
        CompareOverlay.draw(cx, into: &buffer, alone: true)
      } else {
        drawResizeScreen(into: &buffer, offersCompare: model.access != .traceOnly)
      }
      return buffer
    }
    let cx = PanelContext(
      trace: model.history.trace, state: model.state, model: model, options: options)
    HeaderPanel.draw(cx, into: &buffer, rect: layout.header)
    // A panel the layout leaves out (zoomed narration, the timeline in the
    // left column) has an empty rectangle and is not drawn. The node model
    // shows its call stack and event loop where tokio's executor and reactor go,
    // the go model its Ps and its scheduler.
    typealias Draw = (PanelContext, inout CellBuffer, Rect) -> Void
    var queue: Draw = ExecutorPanel.draw
    var waits: Draw = ReactorPanel.draw
    if cx.trace.program.model == .go {
      queue = GoPanels.Procs.draw
      waits = GoPanels.Scheduler.draw
    } else if cx.trace.program.model == .node {
      queue = CallStackPanel.draw
      waits = EventLoopPanel.draw
    } else if cx.trace.program.model == .threads {
      queue = CPUsPanel.draw
      waits = KernelPanel.draw
    }
    let panels: [(Rect, Draw)] = [
      (layout.tasks, TasksPanel.draw), (layout.executor, queue), (layout.reactor, waits),
      (layout.detail, TaskDetailPanel.draw), (layout.source, SourcePanel.draw),
      (layout.output, OutputPanel.draw), (layout.timeline, TimelinePanel.draw),
    ]
    for (rect, draw) in panels where rect.width > 0 && rect.height > 0 { draw(cx, &buffer, rect) }
    NarrationPanel.draw(cx, into: &buffer, rect: layout.narration)
    FooterPanel.drawStatus(cx, into: &buffer, rect: layout.status)
    FooterPanel.drawKeys(cx, into: &buffer, rect: layout.footer)
    if case .help = model.mode { HelpOverlay.draw(cx, into: &buffer) }
    if case .question = model.mode { QuestionOverlay.draw(cx, into: &buffer) }
    if case .compare = model.mode { CompareOverlay.draw(cx, into: &buffer, alone: false) }
    return buffer
  }

  /// "resize to at least 100x30 (now 60x20)", centred, wrapped to the width;
  /// with `offersCompare`, that the compare table shows at this size.
  static func drawResizeScreen(into buffer: inout CellBuffer, offersCompare: Bool = false) {
    var sentences = [
      "The terminal is too small.",
      "Resize to at least \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight) (now \(buffer.width)x\(buffer.height)).",
      "The view comes back at the same step. q quits.",
    ]
    if offersCompare { sentences.append("c shows the table that compares the models.") }
    let lines = sentences.flatMap { TextWrap.lines($0, width: max(1, buffer.width - 2)) }
    let top = max(0, (buffer.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let x = max(0, (buffer.width - CharWidth.of(line)) / 2)
      buffer.write(line, x: x, y: top + i, style: CellStyle(.warning, bold: true))
    }
  }
}
