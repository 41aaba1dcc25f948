import AsyncVizTrace

/// What Node's event loop holds after step k, for the node model's panels
/// and notes: the JavaScript call stack, V8's microtask queue, libuv's
/// current phase and the immediates (the check phase's queue). The timer
/// heap is the reactor's timer list (same order), and the poll phase's epoll
/// interest list the reactor's. Empty for a rust trace.
public struct NodeLoopState: Sendable, Equatable {
  /// A queued microtask: the async fn it is for and what it does.
  public struct Job: Sendable, Equatable {
    /// The async fn the job resumes (or whose helper promise it serves).
    public var task: TaskID
    /// What it does.
    public var job: MicrotaskJob
  }

  /// The frames on the call stack, bottom first (the running one last).
  public internal(set) var callStack: [TaskID] = []
  /// The tallest the call stack has been since it was last empty (bottom
  /// first): between steps the stack is empty (a step is one whole job), so
  /// this is what the last job ran, eager calls included.
  public internal(set) var lastJobStack: [TaskID] = []
  /// The microtask queue, front first.
  public internal(set) var microtasks: [Job] = []
  /// The phase of the loop's turn that has run last (nil before the first).
  public internal(set) var phase: LoopPhase?
  /// The callbacks setImmediate queued, for the check phase, front first.
  public internal(set) var immediates: [TaskID] = []
  /// Which check phase each of `immediates` runs in (1 the first): the next
  /// one after it was queued, since processImmediate runs only the queue it
  /// started with. A later turn's check phase has no `phase` event when no
  /// other phase had work in between; this counts it all the same.
  var immediateChecks: [Int] = []
  /// The check phases begun so far.
  var checkPhases = 0
  /// What the last macrotask was (the jobs queued since come from it): a
  /// timer's callback (with its purpose), a socket read, an immediate.
  var lastMacrotask: Macrotask?

  /// A kind of macrotask, for the notes of the jobs it queues.
  enum Macrotask: Equatable {
    case timer(TimerPurpose?)
    case socket
    case immediate
  }
  /// Microtasks run so far.
  public internal(set) var microtasksRun = 0
  /// Macrotasks (timer and immediate callbacks) run so far.
  public internal(set) var macrotasksRun = 0

  /// The state before any event.
  public init() {}

  /// Whether running `task`'s immediate now begins a check phase of a later
  /// loop turn with no `phase` event (no timer was due in between, and the
  /// poll phase does not block while an immediate is queued).
  func beginsALaterCheckPhase(_ task: TaskID) -> Bool {
    guard phase == .check, let i = immediates.firstIndex(of: task) else { return false }
    return immediateChecks[i] > checkPhases
  }

  /// The timers phase ran a setTimeout callback (the timer the reactor's
  /// list fired: libuv's heap is that list, in the same order).
  mutating func runTimer(purpose: TimerPurpose?) {
    lastMacrotask = .timer(purpose)
    macrotasksRun += 1
  }

  mutating func apply(_ payload: EventPayload) {
    switch payload {
    case .phase(let p):
      phase = p
      if p == .check { checkPhases += 1 }
    case .microtaskQueue(let task, let job):
      microtasks.append(Job(task: task, job: job))
    case .microtaskRun(let task, let job):
      if let i = microtasks.firstIndex(of: Job(task: task, job: job)) { microtasks.remove(at: i) }
      microtasksRun += 1
    case .immediateQueue(let task):
      immediates.append(task)
      immediateChecks.append(checkPhases + 1)
    case .immediateRun(let task):
      lastMacrotask = .immediate
      if let i = immediates.firstIndex(of: task) {
        immediates.remove(at: i)
        checkPhases = max(checkPhases, immediateChecks.remove(at: i))
      }
      macrotasksRun += 1
    case .callPush(let task):
      if callStack.isEmpty { lastJobStack = [] }
      callStack.append(task)
      if callStack.count > lastJobStack.count { lastJobStack = callStack }
    case .deregister:
      // The poll phase's callback read the reply and closed the socket.
      lastMacrotask = .socket
    case .callPop(let task, _, _):
      if let i = callStack.lastIndex(of: task) { callStack.remove(at: i) }
    default:
      break
    }
  }
}
