import AsyncVizTrace
import AsyncVizUI
import Glibc

/// The full-screen viewer on a terminal: keys in, frames out.
///
/// The loop: draw the model's frame (only the cells that changed since the
/// previous one), wait for a key (with a timeout up to the next play tick),
/// turn it into an action, let the model apply it, repeat. The terminal is
/// restored on every way out: q, Ctrl-C, SIGTERM/SIGINT/SIGHUP (flag handlers
/// that interrupt the wait), and crashes (a handler that calls `endwin`
/// before the backtrace prints).
public enum TerminalApp {
  /// Runs the viewer over `feed` until the user quits. `export` writes the
  /// trace and returns the path written, or the reason it failed.
  ///
  /// Returns the process exit code: 0 after q or Ctrl-C, 2 when the terminal
  /// cannot be used (the message is on stderr) or a file being read turned
  /// out broken (`feed.hasFailed`: the caller prints why), 128 + N after signal N.
  public static func run(
    feed: any TraceFeed, options: ViewOptions, export: (Trace) -> Result<String, ExportFailure>
  ) -> Int32 {
    open(options: options, runs: nil, first: { feed }, export: export)
  }

  /// Runs the viewer over `runs.current`, a live run of a program that
  /// `runs` can run again under another model (`m`) and compare under every
  /// model (`c`). Each new run replaces the feed and the viewer, and nothing
  /// here keeps the old ones: one run is held at a time.
  public static func run(
    runs: any ModelRuns, options: ViewOptions, export: (Trace) -> Result<String, ExportFailure>
  ) -> Int32 {
    open(options: options, runs: runs, first: { runs.current }, export: export)
  }

  private static func open(
    options: ViewOptions, runs: (any ModelRuns)?, first: () -> any TraceFeed,
    export: (Trace) -> Result<String, ExportFailure>
  ) -> Int32 {
    let screen: CursesScreen
    switch CursesScreen.open(color: options.color) {
    case .failure(let unusable):
      printError("asyncviz: \(unusable.message)")
      return 2
    case .success(let opened):
      screen = opened
    }
    SignalGuard.install()
    defer {
      screen.close()
      SignalGuard.uninstall()
    }
    var view = options
    if !screen.unicode { view.ascii = true }
    var feed = first()
    var model = ViewerModel(feed: feed)
    if let runs { model.access = runs.access }
    if let notice = view.notice { model.announce(notice) }
    if let prediction = view.prediction { model.startPrediction(prediction, feed: feed) }
    return loop(model: &model, feed: &feed, screen: screen, view: view, runs: runs, export: export)
  }

  private static func loop(
    model: inout ViewerModel, feed: inout any TraceFeed, screen: CursesScreen, view: ViewOptions,
    runs: (any ModelRuns)?, export: (Trace) -> Result<String, ExportFailure>
  ) -> Int32 {
    var previous: CellBuffer?
    var nextTick: ContinuousClock.Instant?
    let clock = ContinuousClock()
    // A frame is drawn only after an action: an unmapped key or an early
    // wake changes nothing on screen.
    var needsFrame = true
    while true {
      if let sig = SignalGuard.pending { return 128 + sig }
      let size = screen.size
      if needsFrame {
        let frame = ScreenRenderer.render(model, width: size.width, height: size.height, options: view)
        screen.draw(BufferDiff.runs(from: previous, to: frame))
        previous = frame
        needsFrame = false
      }

      // Playing: wake up at the next tick; otherwise block until a key or a
      // signal. On the resize screen nothing plays: the view comes back at
      // the step it left.
      let fits = ScreenLayout.make(width: size.width, height: size.height) != nil
      var timeout = -1
      if model.mode == .playing && fits {
        let due = nextTick ?? clock.now.advanced(by: .milliseconds(model.tickIntervalMs))
        nextTick = due
        timeout = max(0, millisecondsUntil(due, clock: clock))
      } else {
        nextTick = nil
        // The history indexes the rest of a big trace between keys.
        if model.isIndexing { timeout = 0 }
      }
      // A file still being read: the next slice is read between keys, even
      // while playing (a slice takes a few tens of milliseconds).
      if model.isReading { timeout = 0 }
      let action: ViewerAction
      if let key = screen.readKey(timeoutMs: timeout) {
        guard let mapped = KeyMap.action(for: key, in: model.mode, fits: fits) else { continue }
        action = mapped
      } else if model.mode == .playing, let due = nextTick, clock.now >= due {
        action = .tick
        nextTick = clock.now.advanced(by: .milliseconds(model.tickIntervalMs))
      } else if model.isReading {
        model.readMore(feed)
        // A problem found late in the file: the view closes (the terminal
        // is restored on the way out) and the command prints it.
        if feed.hasFailed { return 2 }
        needsFrame = true
        continue
      } else if model.isIndexing && model.mode != .playing {
        model.indexMore()
        continue
      } else {
        continue  // interrupted by a signal (checked at the top) or woken early
      }
      if action == .resize {
        screen.invalidate()
        previous = nil
      }
      if action == .faster || action == .slower { nextTick = nil }
      let effect = model.handle(action, feed: feed)
      // A key that read the rest of a file (G, export) may have found a problem in it.
      if feed.hasFailed { return 2 }
      needsFrame = true
      // Only scrolling down or a new size can leave the notes' scroll past
      // their end; a step change resets it to the top.
      if action == .scrollNotesDown || action == .resize {
        let now = screen.size
        model.fitNotesScroll(width: now.width, height: now.height)
      }
      switch effect {
      case .quit:
        return 0
      case .export:
        model.exportFinished(export(model.history.trace))
      case .switchModel(let next):
        guard let runs else { break }
        switch runs.run(under: next) {
        case .success(let started):
          // The previous viewer and feed go here: their trace and history are freed.
          model = ViewerModel(feed: started, continuing: model)
          feed = started
          nextTick = nil
        case .failure(let why):
          model.announce("Cannot run it under \(next.rawValue): \(why.message)")
        }
      case .loadComparison:
        guard let runs else { break }
        // The runs take a moment on a big program: say so on screen first.
        model.announce("Running the program under every model for the table (once)...")
        let now = screen.size
        let frame = ScreenRenderer.render(model, width: now.width, height: now.height, options: view)
        screen.draw(BufferDiff.runs(from: previous, to: frame))
        previous = frame
        model.showComparison(runs.compareTable())
      case .none:
        break
      }
      if case .compare = model.mode {
        let now = screen.size
        model.fitCompareScroll(width: now.width, height: now.height)
      }
    }
  }

  /// Milliseconds from now to `due`, rounded up (so the wait never ends early).
  private static func millisecondsUntil(_ due: ContinuousClock.Instant, clock: ContinuousClock) -> Int {
    let left = clock.now.duration(to: due)
    let (seconds, attoseconds) = left.components
    if seconds < 0 { return 0 }
    let ms = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int(clamping: ms)
  }

  private static func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
  }
}
