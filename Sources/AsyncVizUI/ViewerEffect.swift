/// What the main loop must do after an action, beyond redrawing.
public enum ViewerEffect: Equatable, Sendable {
  /// Nothing but a redraw.
  case none
  /// Export `history.trace`, then report with `exportFinished`.
  case export
  /// Leave the viewer.
  case quit
}
