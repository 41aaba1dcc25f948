/// A side panel drawn in a `PanelFrame` (reactor, event loop, kernel, CPUs,
/// Go's Ps and scheduler, the task detail): the panel says how its box looks
/// and fills the inside; opening the box, and leaving it empty when the
/// screen gives it too little room, is the same for all of them.
protocol FramedPanel {
  /// The box around the panel (the title may name what the panel shows).
  static func frameSpec(_ cx: PanelContext) -> PanelFrame.Spec
  /// Draws the inside of the opened box.
  static func fill(_ frame: PanelFrame, _ cx: PanelContext, into buffer: inout CellBuffer)
}

extension FramedPanel {
  static func draw(_ cx: PanelContext, into buffer: inout CellBuffer, rect: Rect) {
    guard let frame = PanelFrame.open(rect, frameSpec(cx), cx, into: &buffer) else { return }
    fill(frame, cx, into: &buffer)
  }
}

/// A framed panel whose box never changes (its title names no count or
/// task): the box is a constant instead of a function of the frame.
protocol FixedFramePanel: FramedPanel {
  /// The box around the panel, the same on every frame.
  static var spec: PanelFrame.Spec { get }
}

extension FixedFramePanel {
  static func frameSpec(_: PanelContext) -> PanelFrame.Spec { spec }
}
