import AsyncVizTrace

/// What each task did over the run, as the timeline draws it: runs of
/// polling, waiting (with what it waited on) and ready (queued), and the
/// wakes with their cause. Built once from the events and extended as a live
/// run records more, so drawing a frame never scans the trace.
public struct TimelineIndex: Sendable {
  /// What a task is doing during a segment.
  public enum Activity: Sendable, Equatable {
    /// In the run queue.
    case ready
    /// Being polled.
    case polling
    /// Pending, waiting on what the `Awaited` says.
    case waiting(Awaited)
  }

  /// One stretch of one activity, in time and in steps (ends are exclusive
  /// while open: `Int64.max`, `UInt32.max`).
  public struct Segment: Sendable, Equatable {
    public var activity: Activity
    public var startUs: Int64
    public var endUs: Int64 = .max
    public var startStep: UInt32
    public var endStep: UInt32 = .max
  }

  /// A wake, with its cause and, for a timer, how late it fired.
  public struct Mark: Sendable, Equatable {
    public var tUs: Int64
    public var step: UInt32
    public var by: WakeSource
    /// Microseconds past the timer's deadline (0: on time, or not a timer).
    public var lateUs: Int64
  }

  /// Per task (index = id - 1): its segments in time order.
  public private(set) var segments: [[Segment]] = []
  /// Per task: its wakes in time order.
  public private(set) var marks: [[Mark]] = []
  /// Per task: the deadline of its latest timer (for lateness).
  private var deadlines: [Int64] = []
  /// Events indexed so far.
  public private(set) var indexed = 0

  public init() {}

  /// Indexes the events of `trace` not seen yet.
  public mutating func extend(with trace: Trace) {
    let events = trace.events
    while indexed < events.count {
      add(events[indexed])
      indexed += 1
    }
  }

  private mutating func add(_ event: TraceEvent) {
    guard let task = event.payload.task else { return }
    let k = task.index
    guard k >= 0 else { return }
    while segments.count <= k {
      segments.append([])
      marks.append([])
      deadlines.append(0)
    }
    switch event.payload {
    case .spawn, .schedule:
      open(.ready, k, event)
    case .pollStart:
      open(.polling, k, event)
    case .pollEnd(_, let result, _, let awaiting):
      if result == .ready { close(k, event) } else { open(.waiting(awaiting), k, event) }
    case .complete, .taskDrop:
      close(k, event)
    case .timerSet(_, let deadline, _):
      deadlines[k] = deadline
    case .wake(_, let by, _, _):
      let late = by == .timer ? max(0, event.tUs - deadlines[k]) : 0
      marks[k].append(Mark(tUs: event.tUs, step: event.step, by: by, lateUs: late))
    default:
      break
    }
  }

  /// Ends the task's open segment and starts one of `activity` (a schedule
  /// of a task already queued changes nothing).
  private mutating func open(_ activity: Activity, _ k: Int, _ event: TraceEvent) {
    if let last = segments[k].last, last.endUs == .max, last.activity == activity { return }
    close(k, event)
    segments[k].append(Segment(activity: activity, startUs: event.tUs, startStep: event.step))
  }

  private mutating func close(_ k: Int, _ event: TraceEvent) {
    guard let last = segments[k].indices.last, segments[k][last].endUs == .max else { return }
    segments[k][last].endUs = event.tUs
    segments[k][last].endStep = event.step
  }
}
