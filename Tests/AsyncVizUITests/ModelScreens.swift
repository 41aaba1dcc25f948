import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI

/// The view of `trace` at `step`, 100x30, as the screen tests of every model
/// read it (one copy for the rust, node, go and threads panels).
func screen(_ trace: Trace, atStep step: UInt32) -> String {
  var model = ViewerModel(feed: SavedTraceFeed(trace: trace))
  model.jump(to: step)
  return ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions()).text
}

/// The first step after which `predicate` holds (0 if none).
func firstStep(_ trace: Trace, where predicate: (TraceState) -> Bool) -> UInt32 {
  let history = TraceHistory(trace: trace)
  return (0...history.lastStep).first { predicate(history.state(atStep: $0)) } ?? 0
}
