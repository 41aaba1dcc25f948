/// Draws a whole frame of the viewer into a cell buffer: the panels of
/// the front end's layout at the layout's places, the help over them when it is
/// open, or the resize screen when the terminal is too small.
public enum ScreenRenderer {
  /// The frame for `model` at `width` x `height`.
  public static func render(_ model: ViewerModel, width: Int, height: Int, options: ViewOptions) -> CellBuffer
  {
    var buffer = CellBuffer(width: width, height: height)
    guard let layout = ScreenLayout.make(width: width, height: height) else {
      drawResizeScreen(into: &buffer)
      return buffer
    }
    let cx = PanelContext(
      trace: model.history.trace, state: model.state, model: model, options: options)
    HeaderPanel.draw(cx, into: &buffer, rect: layout.header)
    TasksPanel.draw(cx, into: &buffer, rect: layout.tasks)
    if cx.trace.program.model == .go {
      GoPanels.drawProcs(cx, into: &buffer, rect: layout.executor)
      GoPanels.drawScheduler(cx, into: &buffer, rect: layout.reactor)
    } else if cx.trace.program.model == .node {
      CallStackPanel.draw(cx, into: &buffer, rect: layout.executor)
      EventLoopPanel.draw(cx, into: &buffer, rect: layout.reactor)
    } else if cx.trace.program.model == .threads {
      CPUsPanel.draw(cx, into: &buffer, rect: layout.executor)
      KernelPanel.draw(cx, into: &buffer, rect: layout.reactor)
    } else {
      ExecutorPanel.draw(cx, into: &buffer, rect: layout.executor)
      ReactorPanel.draw(cx, into: &buffer, rect: layout.reactor)
    }
    TaskDetailPanel.draw(cx, into: &buffer, rect: layout.detail)
    SourcePanel.draw(cx, into: &buffer, rect: layout.source)
    NarrationPanel.draw(cx, into: &buffer, rect: layout.narration)
    FooterPanel.drawStatus(cx, into: &buffer, rect: layout.status)
    FooterPanel.drawKeys(cx, into: &buffer, rect: layout.footer)
    if case .help = model.mode { HelpOverlay.draw(cx, into: &buffer) }
    if case .question = model.mode { QuestionOverlay.draw(cx, into: &buffer) }
    return buffer
  }

  /// "resize to at least 100x30 (now 60x20)", centred, wrapped to the width.
  static func drawResizeScreen(into buffer: inout CellBuffer) {
    let sentences = [
      "The terminal is too small.",
      "Resize to at least \(ScreenLayout.minimumWidth)x\(ScreenLayout.minimumHeight) (now \(buffer.width)x\(buffer.height)).",
      "The view comes back at the same step. q quits.",
    ]
    let lines = sentences.flatMap { TextWrap.lines($0, width: max(1, buffer.width - 2)) }
    let top = max(0, (buffer.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
      let x = max(0, (buffer.width - CharWidth.of(line)) / 2)
      buffer.write(line, x: x, y: top + i, style: CellStyle(.warning, bold: true))
    }
  }
}
