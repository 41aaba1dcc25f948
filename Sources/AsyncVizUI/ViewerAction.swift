/// What the user asked for; key handlers return these and the model applies
/// them. Only the main loop draws.
public enum ViewerAction: Equatable, Sendable {
  /// Space: play or pause.
  case togglePlay
  /// One step forward (past the recorded end: the runtime runs one more step).
  case stepForward
  /// One step back.
  case stepBack
  /// The first step.
  case first
  /// The last step (a live run is run to its end).
  case last
  /// Play faster.
  case faster
  /// Play slower.
  case slower
  /// Select the next task.
  case nextTask
  /// Select the previous task.
  case previousTask
  /// Let the selection follow each step's task again (Esc).
  case follow
  /// Scroll the narration down (`]`, Page Down): the current step's notes
  /// may need more rows than the pane has.
  case scrollNotesDown
  /// Scroll the narration back up (`[`, Page Up).
  case scrollNotesUp
  /// Zoom the narration (`z`): full sentences over the screen, or back to
  /// one short line per note.
  case toggleZoom
  /// Show the timeline (`t`) instead of the task table and the source, or back.
  case toggleTimeline
  /// Switch the timeline's axis between virtual time and steps (`T`).
  case toggleTimelineAxis
  /// Export the trace to JSON.
  case export
  /// Show or hide the help.
  case toggleHelp
  /// Hide the help (Esc, or any key while it shows).
  case closeHelp
  /// Prediction on or off (`p`).
  case togglePrediction
  /// Answer `index` (0 for a) to the question shown.
  case answer(Int)
  /// Skip the question shown (Esc), or go on after its answer (any key).
  case closeQuestion
  /// Run the program again under the next model (`m`) or the previous one
  /// (`M`), in the compare table's order.
  case nextModel
  case previousModel
  /// Show the compare table (`c`), or hide it (`c` or Esc).
  case toggleCompare
  /// Scroll the compare table by this many lines (arrows, page keys).
  case scrollCompare(Int)
  /// Quit.
  case quit
  /// A play tick: the next step while playing.
  case tick
  /// The terminal was resized (redraw at the new size, same step).
  case resize
}
