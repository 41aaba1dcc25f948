/// Where each panel of the full-screen view goes for a terminal size.
///
/// At the minimum, 100x30:
/// ```
/// row 0        header
/// rows 1-8     Tasks (56 wide)        | Executor (rows 1-4)
/// rows 9-19    Source                 | Reactor (rows 5-11), Task detail (12-19)
/// rows 20-27   Narration (full width)
/// row 28       status line
/// row 29       footer keys
/// ```
/// Extra rows go to narration (a quarter), then half of the rest to the task
/// list and half to the source; on the right, to the reactor and the run
/// queue. Extra columns are shared 56:44 between the two columns.
public struct ScreenLayout: Equatable, Sendable {
  /// The smallest size the full layout fits in.
  public static let minimumWidth = 100
  /// The smallest size the full layout fits in.
  public static let minimumHeight = 30

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
  /// Notes of this step and the previous few.
  public var narration: Rect
  /// Why the run ended, or the latest message.
  public var status: Rect
  /// The keys.
  public var footer: Rect

  /// The layout for `width` x `height`, or nil when the terminal is smaller
  /// than the minimum (the resize screen is shown instead).
  public static func make(width: Int, height: Int) -> ScreenLayout? {
    guard width >= minimumWidth, height >= minimumHeight else { return nil }
    let extraRows = height - minimumHeight
    // Narration first: a step's explanation often takes five or six lines.
    let narrationHeight = 8 + extraRows / 4
    let top = 1
    let upper = height - 3 - narrationHeight  // rows between header and narration
    let upperExtra = upper - 19
    let tasksHeight = 8 + upperExtra / 2
    let leftWidth = width * 56 / 100
    let rightWidth = width - leftWidth
    let executorHeight = 4 + upperExtra / 4
    let detailHeight = 8
    let reactorHeight = upper - executorHeight - detailHeight
    return ScreenLayout(
      header: Rect(x: 0, y: 0, width: width, height: 1),
      tasks: Rect(x: 0, y: top, width: leftWidth, height: tasksHeight),
      executor: Rect(x: leftWidth, y: top, width: rightWidth, height: executorHeight),
      reactor: Rect(x: leftWidth, y: top + executorHeight, width: rightWidth, height: reactorHeight),
      detail: Rect(
        x: leftWidth, y: top + executorHeight + reactorHeight, width: rightWidth, height: detailHeight),
      source: Rect(x: 0, y: top + tasksHeight, width: leftWidth, height: upper - tasksHeight),
      narration: Rect(x: 0, y: top + upper, width: width, height: narrationHeight),
      status: Rect(x: 0, y: height - 2, width: width, height: 1),
      footer: Rect(x: 0, y: height - 1, width: width, height: 1))
  }

  /// Every panel rectangle, for checks that they tile the screen.
  public var allRects: [Rect] {
    [header, tasks, executor, reactor, detail, source, narration, status, footer]
  }
}
