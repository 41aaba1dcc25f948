import AsyncVizTrace

/// Which helper units (goroutines under go, threads under threads) run the
/// contenders of a select or a timeout, and whether that race was decided
/// before a contender ended: a loser that ends later is narrated as one
/// ("nothing cancelled it"). Node's contenders are promises, whose late
/// reactions the trace names itself (microtask job `race_late`); rust drops
/// its losers, so it needs none of this.
///
/// The units of a race are the ones its waiter spawned since it last ran,
/// when it then parks in a select (go) or waits for the first of them or a
/// timeout (threads): both models start one helper per contender right
/// before they wait. The race is decided once the waiter runs again.
public struct RaceState: Sendable, Equatable {
  /// A live contender: who waits on its race, and how many runs that waiter
  /// had made when it began to wait.
  struct Contender: Sendable, Equatable {
    var waiter: TaskID
    var waiterRuns: UInt32
  }

  /// Units each parent spawned since it last stopped, by parent.
  private var spawnedSince: [TaskID: [TaskID]] = [:]
  /// Contenders still alive, by unit.
  private var contenders: [TaskID: Contender] = [:]
  /// The deadline of the last timer each goroutine armed since it last ran.
  private var armed: [TaskID: Int64] = [:]
  /// The deadline of the time.After timer of the select each goroutine
  /// waits in now (go's timeout), by goroutine.
  private var selectTimers: [TaskID: Int64] = [:]

  /// No race yet.
  public init() {}

  /// The waiter of `task`'s race if that race was decided while `task` ran
  /// on: `runs` is the waiter's run count now (it ran again after the race).
  public func decidedRace(of task: TaskID, runs: (TaskID) -> UInt32) -> TaskID? {
    guard let c = contenders[task], runs(c.waiter) > c.waiterRuns else { return nil }
    return c.waiter
  }

  /// Whether a timer of `task` due at `deadline` is the time.After of the
  /// select it waits in now (else that timer's select was decided already).
  public func isCurrentSelectTimer(of task: TaskID, deadline: Int64) -> Bool {
    selectTimers[task] == deadline
  }

  /// Follows one event; `runs` gives a task's run count (after the event).
  mutating func apply(_ payload: EventPayload, runs: (TaskID) -> UInt32) {
    switch payload {
    case .spawn(let task, let parent?):
      spawnedSince[parent, default: []].append(task)
    case .timerSet(let task, let deadline):
      armed[task] = deadline
    case .goExecute(let task, _, _):
      armed[task] = nil
    case .goPark(let task, _, let reason):
      stopped(task, inRace: reason == .select, runs: runs)
      let timer = armed.removeValue(forKey: task)
      if reason == .select { selectTimers[task] = timer }
    case .threadStop(let task, _, _, let awaiting):
      // A preempted or yielding thread has not begun to wait.
      guard awaiting != .nothing && awaiting != .yieldNow else { return }
      stopped(task, inRace: awaiting == .select || awaiting == .timeout, runs: runs)
    case .complete(let task), .taskDrop(let task):
      contenders[task] = nil
      spawnedSince[task] = nil
      armed[task] = nil
      selectTimers[task] = nil
    default:
      break
    }
  }

  /// `task` began to wait: the units it just spawned contend in its race if
  /// it waits on one.
  private mutating func stopped(_ task: TaskID, inRace: Bool, runs: (TaskID) -> UInt32) {
    guard let spawned = spawnedSince.removeValue(forKey: task), inRace else { return }
    for unit in spawned { contenders[unit] = Contender(waiter: task, waiterRuns: runs(task)) }
  }
}
