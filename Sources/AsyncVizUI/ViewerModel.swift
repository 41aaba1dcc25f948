import AsyncVizTrace
import AsyncVizTraceState

/// The viewer's state: which step is shown, the play state, the selected
/// task, the speed. It consumes actions and a `TraceFeed`; stepping forward
/// past the recorded end asks the feed to run one more step, stepping back
/// and jumping read the history. No terminal here: the main loop draws
/// `ScreenRenderer.render(self, ...)` after each action.
public struct ViewerModel: Sendable {
  /// Play speeds offered by + and -, in steps per second.
  public static let speeds = [1, 2, 3, 5, 8, 12, 20, 30, 50]
  /// How many steps back the narration looks.
  public static let narrationDepth = 8
  /// Full notes kept per step (the zoomed narration pages through them).
  public static let notesPerStep = 64
  /// The most full notes `]` makes for one step (a bounded cost for a step
  /// of millions; every step of the demos has fewer events).
  public static let maxNotesPerStep = 65_536
  /// Steps `last` may run a live program for (the runtime's own step limit is lower by default).
  public static let runToEndLimit = 5_000_000

  /// Every state, at once.
  public internal(set) var history: TraceHistory
  /// The program's source split in lines (tabs expanded), once: the source
  /// panel draws from it every frame.
  public let sourceLines: [String]
  /// Play state.
  public internal(set) var mode = ViewerMode.paused
  /// The step shown; never above `history.lastStep`.
  public private(set) var step: UInt32 = 0
  /// The state after `step` (kept in sync with it).
  public private(set) var state: TraceState
  /// How the selected task is chosen: following each step's task until tab picks one.
  public private(set) var selection = TaskSelection.follow
  /// Index in `speeds`.
  public internal(set) var speedIndex = 2
  /// The latest message for the status line (cleared by the next key).
  public internal(set) var message: String?
  /// The notes of `step` and the steps before it, newest first.
  public private(set) var recentNotes: [StepNarration] = []
  /// Whether the feed can still record steps.
  public internal(set) var isLive: Bool
  /// Whether the feed is a file still being read (the view reads slices between keys).
  public internal(set) var isReading = false
  /// The fraction of that file read so far, when its size is known.
  public internal(set) var readProgress: Double?
  /// Set when a key asked to go past the last step of a finished run; the
  /// status line adds it to the run's end reason instead of replacing the
  /// reason (cleared by the next key).
  public private(set) var endHint: String?
  /// The page of the current step's notes shown when they need more rows
  /// than the narration pane has (`]` and `[` turn a screenful); 0 on every
  /// step change. Kept within the notes by `fitNotesScroll`, which knows the
  /// pane's size.
  public internal(set) var notesPage = 0
  /// How many full notes the current step's narration makes: `notesPerStep`,
  /// doubled each time `]` pages past the last one made, so a step of
  /// thousands of events is narrated as far as the reader pages, not at once.
  var currentNotesLimit = notesPerStep
  /// Whether the narration is zoomed (`z`): the full sentences in a pane
  /// that takes the screen, instead of one short line per note.
  public internal(set) var narrationZoomed = false
  /// Whether the timeline (`t`) shows instead of the task table and source.
  public internal(set) var showsTimeline = false
  /// Whether the timeline's axis is steps (`T`) rather than virtual time.
  public internal(set) var timelineBySteps = false
  /// The state after the run's last step, once the run has ended: the
  /// status line tells the end from it on every frame (replaying the
  /// events not indexed yet on each frame cost most of a frame).
  public internal(set) var endState: TraceState?
  /// Whether `endState` is the indexed history's (else a replay's, held apart).
  var endStateIsIndexed = false
  /// What each task did when, for the timeline.
  public internal(set) var timeline = TimelineIndex()
  /// Where the task polled in this step was suspended before it (0: new or
  /// not a poll): the source panel shows it when the poll ended the task.
  public private(set) var resumedLine: Int32 = 0
  /// The line of the last blocking call the polled task made in this step
  /// (0: none): the source panel shows it, the line that held the thread.
  public private(set) var blockLine: Int32 = 0
  /// The event index of each `output` event recorded so far, ascending (the
  /// output pane's lines, found without scanning the trace).
  public internal(set) var outputEvents: [Int] = []
  /// The prediction mode's questions and score, while it is on (`p`).
  public internal(set) var prediction: Prediction?
  /// What the view may do with the program besides showing it (`m`, `c`):
  /// set by the main loop from what the command line handed over.
  public var access = ProgramAccess.traceOnly
  /// The compare table, once loaded (`c`); kept across model switches.
  public internal(set) var comparison: CompareTable?
  /// The first line of the compare table's body shown (the arrows scroll it).
  public internal(set) var compareScroll = 0

  /// A viewer at the first step of what `feed` has recorded.
  public init(feed: any TraceFeed, snapshotInterval: Int = 4096) {
    let trace = feed.trace
    // Indexed as far as the view goes, the rest while it waits for keys
    // (`indexMore`): the first frame of a big file does not wait for it.
    history = TraceHistory(trace: trace, interval: snapshotInterval, indexesAtOnce: false)
    sourceLines = SourcePanel.sourceLines(trace.program.source)
    isLive = feed.isLive
    isReading = feed.isReading
    readProgress = feed.readProgress
    state = history.state(atStep: 0)
    indexOutput()
    keepEndState()
    refresh()
    lookAhead(feed)
  }

  /// The selected task (its line highlighted, its details shown): the one
  /// tab chose, or else the task this step polled (after a reactor turn, the
  /// first task it queued).
  public var selected: TaskID {
    if case .fixed(let id) = selection { return id }
    switch state.action {
    case .poll(let id, _): return id
    case .reactorTurn: return state.runQueue.elements.first ?? TaskID(1)
    case .setup: return TaskID(1)
    }
  }

  /// Steps per second while playing.
  public var speed: Int { Self.speeds[speedIndex] }

  /// Milliseconds between two play ticks.
  public var tickIntervalMs: Int { (1000 + speed - 1) / speed }

  /// Shows `text` in the status line until the next key (the compiler's
  /// warnings, when the view opens).
  public mutating func announce(_ text: String) { message = text }

  /// Applies one action and tells the main loop what else to do.
  public mutating func handle(_ action: ViewerAction, feed: any TraceFeed) -> ViewerEffect {
    if action != .tick && action != .resize {
      message = nil
      endHint = nil
    }
    switch action {
    case .togglePlay:
      if mode == .paused && isAtEnd && !canGrow(feed) {
        reportEnd(hint: "this is the last step: g goes back to the first")
      } else {
        mode = mode.togglePlay()
      }
    case .stepForward:
      mode = mode.stop()
      if askIfDue() { break }
      if !forward(feed) { reportEnd(hint: "this is the last step") }
    case .tick:
      if mode == .playing && askIfDue() { break }
      if mode == .playing && !forward(feed) {
        mode = mode.stop()
        reportEnd(hint: nil)
      }
    case .stepBack:
      mode = mode.stop()
      if step == 0 { message = "Already at the first step." } else { go(to: step - 1) }
    case .first:
      go(to: 0)
    case .last:
      runToEnd(feed)
      go(to: history.lastStep)
    case .faster:
      speedIndex = min(speedIndex + 1, Self.speeds.count - 1)
    case .slower:
      speedIndex = max(speedIndex - 1, 0)
    case .nextTask:
      cycleSelection(by: 1)
    case .previousTask:
      cycleSelection(by: -1)
    case .follow:
      selection = .follow
    case .scrollNotesDown:
      notesPage += 1
    case .scrollNotesUp:
      notesPage = max(0, notesPage - 1)
    case .toggleZoom:
      narrationZoomed.toggle()
      notesPage = 0
    case .toggleTimeline:
      showsTimeline.toggle()
    case .toggleTimelineAxis:
      // Flipping an axis the panel cannot show would make the next T seem dead.
      if TimelinePanel.hasTime(history.trace) {
        timelineBySteps.toggle()
      } else {
        message = "The clock has not moved yet (every event at 0 ms): the timeline is by step."
      }
    case .export:
      // A file still being read is exported whole (and checked) first.
      if isReading { runToEnd(feed) }
      return .export
    case .toggleHelp:
      mode = mode == .paused || mode == .playing ? mode.openHelp() : mode.closeHelp()
    case .closeHelp:
      mode = mode.closeHelp()
    case .togglePrediction:
      togglePrediction(feed: feed)
    case .answer(let choice):
      answerQuestion(choice, feed: feed)
    case .closeQuestion:
      closeQuestion()
    case .nextModel:
      return switchModel(by: 1)
    case .previousModel:
      return switchModel(by: -1)
    case .toggleCompare:
      return toggleCompare()
    case .scrollCompare(let lines):
      compareScroll = max(0, compareScroll + lines)
    case .quit:
      return .quit
    case .resize:
      break
    }
    return .none
  }

  /// Reports the export's outcome in the status line.
  public mutating func exportFinished(_ result: Result<String, ExportFailure>) {
    switch result {
    case .success(let path): message = "Trace exported to \(path)"
    case .failure(let why): message = "Export failed: \(why.message)"
    }
  }

  /// Shows `step` (clamped to the recorded steps) without running anything:
  /// what g and G do, and what a benchmark or a test uses to reach a step.
  public mutating func jump(to step: UInt32) {
    go(to: step)
  }

  /// Whether the last recorded step is shown.
  public var isAtEnd: Bool { step >= history.lastStep }

  /// Events already looked at by `indexOutput`.
  var outputIndexed = 0

  mutating func go(to target: UInt32) {
    step = min(target, history.lastStep)
    notesPage = 0
    currentNotesLimit = Self.notesPerStep
    refresh()
  }

  private mutating func cycleSelection(by delta: Int) {
    let count = state.tasks.count
    guard count > 0 else { return }
    let current = min(max(selected.index, 0), count - 1)
    selection = .fixed(TaskID(UInt32((current + delta + count) % count + 1)))
  }

  /// "reading... 42%" (ASCII dots: it shows in --ascii too).
  public static func readingText(_ progress: Double?) -> String {
    guard let progress else { return "reading..." }
    return "reading... \(Int(min(max(progress, 0), 1) * 100))%"
  }

  /// Recomputes the state and the notes shown for `step`.
  mutating func refresh() {
    history.index(upTo: history.eventEnd(ofStep: step))
    let oldest = step >= UInt32(Self.narrationDepth) ? step - UInt32(Self.narrationDepth - 1) : 0
    let steps = (oldest...step).map { (step: $0, events: history.events(ofStep: $0)) }
    // One walk from one checkpoint's restore (of a big run, megabytes
    // copied) makes the notes, the lines the tasks were at when this step
    // began and the state after it.
    var walk = history.state(afterEvents: steps[0].events.lowerBound)
    var notes = StepNarration.notes(
      of: steps.dropLast(), in: history.trace, walking: &walk, limit: Self.notesPerStep)
    let linesAtStart = walk.tasks.map(\.line)
    notes += StepNarration.notes(
      of: steps.suffix(1), in: history.trace, walking: &walk, limit: currentNotesLimit)
    recentNotes = notes.reversed()
    state = history.state(atStep: step, from: consume walk)
    resumedLine = 0
    blockLine = 0
    if case .poll(let id, _) = state.action {
      let range = steps[steps.count - 1].events
      resumedLine = id.index >= 0 && id.index < linesAtStart.count ? linesAtStart[id.index] : 0
      // A poll's events are few; a bound keeps a pathological step cheap.
      for i in range.prefix(10_000) {
        if case .block(id, _, let line) = history.trace.events.payload(at: i), line > 0 { blockLine = line }
      }
    }
  }

  /// At the last step: a finished run's status line keeps its end reason and
  /// adds `hint`; a trace cut short says so instead.
  private mutating func reportEnd(hint: String?) {
    if history.isComplete {
      endHint = hint
    } else {
      message = "No more steps recorded: this trace was saved before the run ended."
    }
  }
}
