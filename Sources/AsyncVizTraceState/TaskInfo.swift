import AsyncVizTrace

/// What the reducer knows about one task at a step.
///
/// A plain value with no references, so that checkpoints of a thousand tasks
/// copy as one block of memory.
public struct TaskInfo: Sendable, Equatable {
  // The fields are ordered by size (8, 4, then 1-byte ones after the 9-byte
  // `awaiting`) so that a task packs into 88 bytes, not the 104 of reading
  // order: a checkpoint's restore copies the whole task table (125,000
  // tasks in the threads benchmark) and the changes keep whole tasks.
  /// When it was spawned.
  public internal(set) var spawnedUs: Int64
  /// When the current status began (while `polling`, when the poll started:
  /// a schedule during the poll does not change the status); the open
  /// interval is not yet in the totals.
  public internal(set) var sinceUs: Int64
  /// Closed time spent polling (tokio-console's "busy").
  var busyClosedUs: Int64 = 0
  /// Closed time spent in the run queue (tokio-console's "scheduled").
  var scheduledClosedUs: Int64 = 0
  /// Closed time spent waiting for a wake (tokio-console's "idle").
  var idleClosedUs: Int64 = 0
  /// The task's id.
  public var id: TaskID
  /// The source line it is suspended at (0: none), with the same lifetime as `awaiting`.
  public internal(set) var line: Int32 = 0
  /// Number of polls started.
  public internal(set) var polls: UInt32 = 0
  /// Number of wakes, by anyone.
  public internal(set) var wakes: UInt32 = 0
  /// Wakes by the task itself (yield_now, self_wake).
  public internal(set) var selfWakes: UInt32 = 0
  /// Copies of its waker stored by others (cloned minus woken or dropped).
  public internal(set) var wakersHeld: Int32 = 0
  /// Its timers in the reactor's queue (armed, not yet fired or cancelled).
  public internal(set) var timersArmed: Int32 = 0
  /// Its fds in the interest list (registered, not yet deregistered).
  public internal(set) var fdsWatched: Int32 = 0
  /// What it waits on (a resource call, a task's handle, ...); kept after it
  /// is woken until its next poll ends, `nothing` before its first Pending and once done.
  public internal(set) var awaiting: Awaited = .nothing
  /// Its current status.
  public internal(set) var status: TaskStatus
  /// Whether the task is in the run queue (at most once).
  public internal(set) var queued = false
  /// Lints fired for it, one bit per `LintCode.rawValue`.
  public internal(set) var lintMask: UInt8 = 0
  /// Woken during its current poll: queued again when the poll returns.
  public internal(set) var wokenInPoll = false
  /// Its waker went to the defer list (`yield_now`) during its current poll.
  public internal(set) var deferredInPoll = false

  /// A task spawned at `tUs`; it is scheduled by the next event.
  init(id: TaskID, at tUs: Int64) {
    self.id = id
    self.status = .ready
    self.spawnedUs = tUs
    self.sinceUs = tUs
  }

  /// Time spent being polled, up to `nowUs`.
  public func busyUs(at nowUs: Int64) -> Int64 {
    busyClosedUs + (status == .polling ? max(0, nowUs - sinceUs) : 0)
  }

  /// Time spent in the run queue between a wake (or spawn) and the poll, up to `nowUs`.
  public func scheduledUs(at nowUs: Int64) -> Int64 {
    scheduledClosedUs + (status == .ready ? max(0, nowUs - sinceUs) : 0)
  }

  /// Time spent neither queued nor polled, waiting for a wake, up to `nowUs`.
  public func idleUs(at nowUs: Int64) -> Int64 {
    idleClosedUs + (status == .pending || status == .stuck ? max(0, nowUs - sinceUs) : 0)
  }

  /// Whether the lint `code` fired for this task.
  public func hasLint(_ code: LintCode) -> Bool { lintMask & (1 << code.rawValue) != 0 }

  /// Moves to `next` at `tUs`, closing the interval of the current status.
  mutating func transition(to next: TaskStatus, at tUs: Int64) {
    let spent = max(0, tUs - sinceUs)
    switch status {
    case .ready: scheduledClosedUs += spent
    case .polling: busyClosedUs += spent
    case .pending, .stuck: idleClosedUs += spent
    case .done, .dropped: break
    }
    status = next
    sinceUs = tUs
  }
}
