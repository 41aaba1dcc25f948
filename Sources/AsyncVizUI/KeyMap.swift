/// Which key does what (the keys the README lists), and the words the footer and the
/// help use for them.
public enum KeyMap {
  /// The action of `key` in `mode`, or nil for a key that does nothing.
  /// While the help shows, any key closes it, except the quit keys. When the
  /// terminal is too small for the view (`fits` false) only q, Ctrl-C and a
  /// resize act: the view must come back at the step it left.
  public static func action(for key: InputKey, in mode: ViewerMode, fits: Bool = true) -> ViewerAction? {
    if case .interrupt = key { return .quit }
    if case .resize = key { return .resize }
    if !fits { return key == .character("q") ? .quit : nil }
    if case .help = mode {
      if case .character("q") = key { return .quit }
      return .closeHelp
    }
    if case .question(let revealed) = mode { return questionAction(for: key, revealed: revealed) }
    switch key {
    case .character(" "): return .togglePlay
    case .character("n"), .character("l"), .right: return .stepForward
    case .character("b"), .character("h"), .left: return .stepBack
    case .character("g"), .home: return .first
    case .character("G"), .end: return .last
    case .character("+"), .character("="): return .faster
    case .character("-"), .character("_"): return .slower
    case .tab, .down: return .nextTask
    case .backTab, .up: return .previousTask
    case .escape: return .follow
    case .character("]"), .pageDown: return .scrollNotesDown
    case .character("["), .pageUp: return .scrollNotesUp
    case .character("z"): return .toggleZoom
    case .character("t"): return .toggleTimeline
    case .character("T"): return .toggleTimelineAxis
    case .character("e"): return .export
    case .character("?"): return .toggleHelp
    case .character("p"): return .togglePrediction
    case .character("q"): return .quit
    default: return nil
    }
  }

  /// Every key with a one-line explanation, as the help overlay lists them.
  public static func helpLines(glyphs: Glyphs, exportPath: String? = nil) -> [(keys: String, meaning: String)]
  {
    let export =
      exportPath.map { "export the trace to JSON, in \($0)" }
      ?? "export the trace to JSON (the path is shown below)"
    return [
      ("space", "play / pause: one step at a time at the chosen speed"),
      ("n  \(glyphs.arrow)  l", "step forward (at the end of a live run: run one more step)"),
      ("b  \(glyphs.leftArrow)  h", "step back (instant, from the recorded history)"),
      ("g  Home", "go to the first step"),
      ("G  End", "go to the last step (a live run is run to its end)"),
      ("+  -", "play faster / slower (1 to 50 steps per second)"),
      ("tab  shift-tab", "select the next / previous task (also the down and up arrows)"),
      ("Esc", "select the task of each step again (the default)"),
      ("]  [", "next / previous page of notes when a step does not fit (PgDn PgUp)"),
      ("z", "zoom the narration: full sentences (z again: one short line per note)"),
      ("t  T", "timeline: one lane per task (t shows / hides it, T: by time or by step)"),
      ("e", export),
      ("p", "predict: a question (a-d) about the next steps, asked before they show"),
      ("?", "show / hide this help"),
      ("q  Ctrl-C", "quit"),
    ]
  }

  /// While a prediction question shows: a-d or 1-4 answer, Esc skips, p
  /// turns prediction off, q quits; after the answer, any other key goes on.
  static func questionAction(for key: InputKey, revealed: Bool) -> ViewerAction? {
    switch key {
    case .character("q"): return .quit
    case .character("p"): return .togglePrediction
    case .escape: return .closeQuestion
    case .character(let c) where !revealed:
      if let i = "abcd".firstIndex(of: c) { return .answer("abcd".distance(from: "abcd".startIndex, to: i)) }
      if let i = "1234".firstIndex(of: c) { return .answer("1234".distance(from: "1234".startIndex, to: i)) }
      return nil
    default: return revealed ? .closeQuestion : nil
    }
  }

  /// The footer line.
  public static func footer(glyphs: Glyphs) -> [(key: String, word: String)] {
    [
      ("space", "play"), ("n/\(glyphs.arrow)", "step"), ("b/\(glyphs.leftArrow)", "back"),
      ("g/G", "ends"), ("tab", "task"), ("z", "notes"), ("t", "timeline"), ("e", "export"), ("?", "help"),
      ("q", "quit"),
    ]
  }
}
