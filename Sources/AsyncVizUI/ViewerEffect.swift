import AsyncVizTrace

/// What the main loop must do after an action, beyond redrawing.
public enum ViewerEffect: Equatable, Sendable {
  /// Nothing but a redraw.
  case none
  /// Export `history.trace`, then report with `exportFinished`.
  case export
  /// Run the program again under this model (`ModelRuns.run(under:)`), and
  /// show the new run with `ViewerModel(feed:continuing:)`.
  case switchModel(RuntimeModel)
  /// Compute the compare table (`ModelRuns.compareTable()`), then show it
  /// with `showComparison`.
  case loadComparison
  /// Leave the viewer.
  case quit
}
