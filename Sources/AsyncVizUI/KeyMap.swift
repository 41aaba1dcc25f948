/// Which key does what (the keys the README lists), and the words the footer and the
/// help use for them.
public enum KeyMap {
  /// The action of `key` in `mode`, or nil for a key that does nothing.
  /// While the help shows, any key closes it, except the quit keys. The
  /// compare table has keys of its own, and shows at any size. When the
  /// terminal is too small for the view (`fits` false) only q, Ctrl-C, c and
  /// a resize act: the view must come back at the step it left.
  public static func action(for key: InputKey, in mode: ViewerMode, fits: Bool = true) -> ViewerAction? {
    if case .interrupt = key { return .quit }
    if case .resize = key { return .resize }
    if case .compare = mode { return compareAction(for: key) }
    if !fits {
      if key == .character("c") { return .toggleCompare }
      return key == .character("q") ? .quit : nil
    }
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
    case .character("m"): return .nextModel
    case .character("M"): return .previousModel
    case .character("c"): return .toggleCompare
    case .character("q"): return .quit
    default: return nil
    }
  }

  /// While the compare table shows: c or Esc closes it, m and M switch the
  /// model under it (its marked column follows), the arrows and page keys
  /// scroll it, q quits; other keys do nothing.
  static func compareAction(for key: InputKey) -> ViewerAction? {
    switch key {
    case .character("c"), .escape: return .toggleCompare
    case .character("m"): return .nextModel
    case .character("M"): return .previousModel
    case .down, .character("j"): return .scrollCompare(1)
    case .up, .character("k"): return .scrollCompare(-1)
    case .pageDown: return .scrollCompare(comparePage)
    case .pageUp: return .scrollCompare(-comparePage)
    case .character("q"): return .quit
    default: return nil
    }
  }

  /// Lines a page key scrolls the compare table by.
  static let comparePage = 8

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
      ("m  M", "run the program again under the next / previous model, from step 0"),
      ("c", "compare table: the program under every model (c or Esc closes it)"),
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

  /// The footer line, with `m` and `c` when the view can run the program
  /// again (`models`). Each key has a rank: when the line is too narrow the
  /// lowest ranks are left out first, so q and ? stay longest.
  public static func footer(glyphs: Glyphs, models: Bool = false) -> [(key: String, word: String, rank: Int)]
  {
    var keys = [
      ("space", "play", 9), ("n/\(glyphs.arrow)", "step", 9), ("b/\(glyphs.leftArrow)", "back", 8),
      ("g/G", "ends", 2), ("tab", "task", 5), ("z", "notes", 4), ("t", "timeline", 3), ("e", "export", 1),
      ("?", "help", 10), ("q", "quit", 10),
    ]
    if models { keys.insert(contentsOf: [("m", "model", 7), ("c", "compare", 6)], at: 8) }
    return keys
  }
}
