/// Where each panel of the full-screen view goes for a terminal size and
/// what there is to show.
///
/// At the minimum, 100x30, with four tasks and some output:
/// ```
/// row 0        header
/// rows 1-7     Tasks (56 wide: as many rows as tasks)  | Executor (rows 1-4)
/// rows 8-15    Source (the rows the tasks do not need)  | Reactor (rows 5-11)
/// rows 16-19   Output (the program's printed lines)     | Task detail (rows 12-19)
/// rows 20-27   Narration (full width, one short line per note)
/// row 28       status line
/// row 29       footer keys
/// ```
/// Extra rows go to narration (a quarter), the rest to the source, the
/// output, the reactor and the detail. A terminal of at least 150x45 also
/// shows the timeline, as a band above the narration; a smaller one shows it
/// instead of the left column when `t` asks. Zoomed (`z`), the narration
/// takes every row between the header and the status line. Panels not shown
/// get an empty rectangle.
public struct ScreenLayout: Equatable, Sendable {
  /// The smallest size the full layout fits in.
  public static let minimumWidth = 100
  /// The smallest size the full layout fits in.
  public static let minimumHeight = 30
  /// The smallest size that shows the timeline beside the other panels.
  public static let timelineRoom = (width: 150, height: 45)

  /// What the panels have to show, as far as their sizes depend on it.
  public struct Content: Equatable, Sendable {
    /// Tasks in the trace (the task table and the timeline have a row each).
    public var tasks = 5
    /// Lines the program printed so far.
    public var outputLines = 0
    /// Whether the narration is zoomed.
    public var zoomed = false
    /// Whether `t` toggled the timeline (on below `timelineRoom`, off at or above it).
    public var timelineToggled = false

    /// Defaults: five tasks, nothing printed, nothing toggled.
    public init() {}

    /// What `model` shows.
    public init(_ model: ViewerModel) {
      tasks = model.history.trace.tasks.count
      outputLines = model.outputEvents.count
      zoomed = model.narrationZoomed
      timelineToggled = model.showsTimeline
    }
  }

  /// Program, step, time, backend, play state.
  public var header: Rect
  /// The task table.
  public var tasks: Rect
  /// The task being polled and the run queue.
  public var executor: Rect
  /// Interest list, last wait, timers.
  public var reactor: Rect
  /// The selected task's details.
  public var detail: Rect
  /// The program's source with markers.
  public var source: Rect
  /// The program's printed lines.
  public var output: Rect
  /// One lane per task across virtual time (empty when not shown).
  public var timeline: Rect
  /// Notes of this step and the previous few.
  public var narration: Rect
  /// Why the run ended, or the latest message.
  public var status: Rect
  /// The keys.
  public var footer: Rect

  /// The layout for `width` x `height`, or nil when the terminal is smaller
  /// than the minimum (the resize screen is shown instead).
  public static func make(width: Int, height: Int, content: Content = Content()) -> ScreenLayout? {
    guard width >= minimumWidth, height >= minimumHeight else { return nil }
    let none = Rect(x: 0, y: 1, width: 0, height: 0)
    var layout = ScreenLayout(
      header: Rect(x: 0, y: 0, width: width, height: 1), tasks: none, executor: none, reactor: none,
      detail: none, source: none, output: none, timeline: none,
      narration: Rect(x: 0, y: 1, width: width, height: height - 3),
      status: Rect(x: 0, y: height - 2, width: width, height: 1),
      footer: Rect(x: 0, y: height - 1, width: width, height: 1))
    if content.zoomed { return layout }
    // Narration first: a step has up to six or seven short lines.
    let narrationHeight = 8 + (height - minimumHeight) / 4
    var upper = height - 3 - narrationHeight  // rows between header and narration
    layout.narration = Rect(x: 0, y: 1 + upper, width: width, height: narrationHeight)
    let room = width >= timelineRoom.width && height >= timelineRoom.height
    let timelineShown = room != content.timelineToggled
    if timelineShown && room {
      let h = min(content.tasks + 4, max(8, upper / 3))
      upper -= h
      layout.timeline = Rect(x: 0, y: 1 + upper, width: width, height: h)
    }
    let leftWidth = width * 56 / 100
    let rightWidth = width - leftWidth
    if timelineShown && !room {
      // As many rows as the lanes need (a row per task, the axis, the
      // border); what is left, when it is enough for a few lines, shows the
      // source, so a program of four tasks does not get an empty timeline.
      let lanes = min(content.tasks + 3, upper)
      let rest = upper - lanes
      layout.timeline = Rect(x: 0, y: 1, width: leftWidth, height: rest >= 5 ? lanes : upper)
      if rest >= 5 { layout.source = Rect(x: 0, y: 1 + lanes, width: leftWidth, height: rest) }
    } else {
      // Sized to content: a header row and a row per task, no empty rows;
      // the source gets what the tasks and the output do not need.
      let tasksHeight = min(max(content.tasks, 1) + 3, max(4, upper * 2 / 5))
      let outputHeight = min(max(content.outputLines, 1) + 2, max(3, upper / 4))
      let sourceHeight = upper - tasksHeight - outputHeight
      layout.tasks = Rect(x: 0, y: 1, width: leftWidth, height: tasksHeight)
      layout.source = Rect(x: 0, y: 1 + tasksHeight, width: leftWidth, height: sourceHeight)
      layout.output = Rect(x: 0, y: 1 + tasksHeight + sourceHeight, width: leftWidth, height: outputHeight)
    }
    let upperExtra = max(0, upper - 19)
    let executorHeight = 4 + upperExtra / 4
    let detailHeight = 8 + upperExtra / 4
    let reactorHeight = upper - executorHeight - detailHeight
    layout.executor = Rect(x: leftWidth, y: 1, width: rightWidth, height: executorHeight)
    layout.reactor = Rect(x: leftWidth, y: 1 + executorHeight, width: rightWidth, height: reactorHeight)
    layout.detail = Rect(
      x: leftWidth, y: 1 + executorHeight + reactorHeight, width: rightWidth, height: detailHeight)
    return layout
  }

  /// The layout for `model`'s content.
  public static func make(width: Int, height: Int, model: ViewerModel) -> ScreenLayout? {
    make(width: width, height: height, content: Content(model))
  }

  /// Every panel rectangle shown, for checks that they tile the screen.
  public var allRects: [Rect] {
    [header, tasks, executor, reactor, detail, source, output, timeline, narration, status, footer]
      .filter { $0.width > 0 && $0.height > 0 }
  }
}
