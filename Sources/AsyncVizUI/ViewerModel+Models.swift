import AsyncVizTrace

/// The models' keys: `m` and `M` run the same program again under another
/// model, from its first step; `c` shows the compare table. The model
/// decides and says why not; the main loop, which holds the command line's
/// `ModelRuns`, makes the new run or the table (`ViewerEffect`).
extension ViewerModel {
  /// A viewer at the first step of `feed`, a new run of the same program
  /// under another model, keeping the choices the user made in `previous`:
  /// speed, zoom, timeline, whether it played, and the compare table (open
  /// stays open, its marked column moves to the new model).
  public init(feed: any TraceFeed, continuing previous: ViewerModel) {
    self.init(feed: feed)
    access = previous.access
    comparison = previous.comparison
    compareScroll = previous.compareScroll
    speedIndex = previous.speedIndex
    narrationZoomed = previous.narrationZoomed
    showsTimeline = previous.showsTimeline
    timelineBySteps = previous.timelineBySteps
    switch previous.mode {
    case .playing, .help(resumePlaying: true): mode = .playing
    case .compare(let resume): mode = .compare(resumePlaying: resume)
    case .paused, .help, .question: mode = .paused
    }
    let model = history.trace.program.model
    message =
      "Now under \(model.rawValue) (\(Self.summary(of: model))), from step 0: m the next model, c compare."
  }

  /// What `m` says over a recorded trace (a replay, the quiz's finished run).
  static let replaySwitchRefusal =
    "This view shows a recorded trace, with no program to run again: use demo or run with --model."
  /// What `c` says over a recorded trace.
  static let replayCompareRefusal =
    "This view shows a recorded trace, with no program to run under every model: use asyncviz compare."

  /// Who runs the program under `model`, in a few words.
  static func summary(of model: RuntimeModel) -> String {
    switch model {
    case .rust: "tokio's current_thread scheduler"
    case .node: "Node 20's event loop"
    case .threads: "an OS thread per task"
    case .go: "Go's scheduler"
    }
  }

  /// The model `delta` places after the shown one, in the compare table's order.
  func model(after delta: Int) -> RuntimeModel {
    let all = RuntimeModel.allCases
    let i = all.firstIndex(of: history.trace.program.model) ?? 0
    return all[((i + delta) % all.count + all.count) % all.count]
  }

  /// `m` / `M`: the switch to make, or why there is none.
  mutating func switchModel(by delta: Int) -> ViewerEffect {
    switch access {
    case .rerun:
      return .switchModel(model(after: delta))
    case .compareOnly(let why):
      message = why
    case .traceOnly:
      message = Self.replaySwitchRefusal
    }
    return .none
  }

  /// `c`: closes the table, shows the loaded one, or asks the main loop to
  /// compute it (the first time only).
  mutating func toggleCompare() -> ViewerEffect {
    if case .compare = mode {
      mode = mode.closeCompare()
      return .none
    }
    if access == .traceOnly {
      message = Self.replayCompareRefusal
      return .none
    }
    guard comparison != nil else { return .loadComparison }
    mode = mode.openCompare()
    return .none
  }

  /// Shows the compare table the main loop computed, or why it could not.
  public mutating func showComparison(_ result: Result<CompareTable, ModelRunFailure>) {
    switch result {
    case .success(let table):
      comparison = table
      compareScroll = 0
      mode = mode.openCompare()
      message = nil
    case .failure(let why):
      message = "Cannot compare the models: \(why.message)"
    }
  }

  /// Keeps `compareScroll` within the table as a `width` x `height` screen
  /// shows it (the main loop calls it after a scroll or a resize).
  public mutating func fitCompareScroll(width: Int, height: Int) {
    compareScroll = min(compareScroll, CompareOverlay.maxScroll(self, width: width, height: height))
  }
}
