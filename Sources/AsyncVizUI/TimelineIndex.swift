import AsyncVizTrace
import AsyncVizTraceState

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

  /// Per task (index = id - 1): the positions in the trace of its events
  /// the timeline is drawn from (spawn, schedule, polls, wakes, timers, its
  /// end), in order. A lane's segments and marks are rebuilt from them when
  /// drawn (`lane`): a few dozen lanes a frame. Keeping the segments
  /// themselves (a segment per status change and a mark per wake, in two
  /// arrays per task) cost about 58 MB of the view's 344 MB on a 2.1
  /// M-event run, about 30 bytes an event; these positions take 4 bytes
  /// per event drawn from.
  private var positions: [[UInt32]] = []
  /// Events indexed so far.
  public private(set) var indexed = 0

  public init() {}

  /// Tasks seen so far (the lanes).
  public var taskCount: Int { positions.count }

  /// Bytes the index holds: its arrays by capacity, with their headers.
  public var storedBytes: Int {
    let header = 32
    return header + positions.capacity * MemoryLayout<[UInt32]>.stride
      + positions.reduce(0) { $0 + header + $1.capacity * MemoryLayout<UInt32>.stride }
  }

  /// Indexes the events of `trace` not seen yet.
  public mutating func extend(with trace: Trace) {
    let events = trace.events
    while indexed < events.count {
      // The lane needs the payload only, not the event's step and time.
      if let k = Self.lane(of: events.payload(at: indexed)) {
        while positions.count <= k { positions.append([]) }
        positions[k].append(UInt32(indexed))
      }
      indexed += 1
    }
  }

  /// The lane an event is drawn in (its task's), or nil if the timeline
  /// draws nothing of it: the events that change its task's status (in
  /// every model), its timers' deadlines and its wakes.
  private static func lane(of payload: EventPayload) -> Int? {
    guard let task = payload.task, task.index >= 0 else { return nil }
    switch payload {
    case .timerSet, .wake: return task.index
    default: return TaskTransition.change(of: payload) != nil ? task.index : nil
    }
  }

  /// Task `k`'s segments and wakes in time order, from the events of
  /// `trace` indexed so far (`trace` is the one indexed, or a longer one).
  public func lane(_ k: Int, in trace: Trace) -> (segments: [Segment], marks: [Mark]) {
    guard k >= 0 && k < positions.count else { return ([], []) }
    var builder = LaneBuilder()
    let events = trace.events
    for p in positions[k] where Int(p) < events.count { builder.add(events[Int(p)]) }
    return (builder.segments, builder.marks)
  }

  /// Replays one task's events into its segments and marks: each event's
  /// `TaskTransition` (the reducer's table of status changes) opens the
  /// segment of the status it enters, or closes the lane at the task's end.
  private struct LaneBuilder {
    var segments: [Segment] = []
    var marks: [Mark] = []
    /// The deadline of the task's latest timer (for lateness).
    var deadline: Int64 = 0

    mutating func add(_ event: TraceEvent) {
      switch event.payload {
      case .timerSet(_, let deadline, _):
        self.deadline = deadline
      case .wake(_, let by, _, _):
        let late = by == .timer ? max(0, event.tUs - deadline) : 0
        marks.append(Mark(tUs: event.tUs, step: event.step, by: by, lateUs: late))
      default:
        // Go's wait reason is no `Awaited`: a parked goroutine's lane is
        // unlabelled (`waiting(.nothing)`).
        switch TaskTransition(of: event.payload) {
        case .none: break
        case .queued: open(.ready, event)
        case .running: open(.polling, event)
        case .waiting(let awaited): open(.waiting(awaited), event)
        case .ended: close(event)
        }
      }
    }

    /// Ends the open segment and starts one of `activity` (a schedule of a
    /// task already queued changes nothing).
    private mutating func open(_ activity: Activity, _ event: TraceEvent) {
      if let last = segments.last, last.endUs == .max, last.activity == activity { return }
      close(event)
      segments.append(Segment(activity: activity, startUs: event.tUs, startStep: event.step))
    }

    private mutating func close(_ event: TraceEvent) {
      guard let last = segments.indices.last, segments[last].endUs == .max else { return }
      segments[last].endUs = event.tUs
      segments[last].endStep = event.step
    }
  }
}
