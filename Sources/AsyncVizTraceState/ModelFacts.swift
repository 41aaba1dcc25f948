import AsyncVizTrace

/// What `asyncviz compare` shows of one model's run, read from its trace
/// alone (so the same facts come from a replayed file): when main returned,
/// what was printed, the steps, the most units (tasks, promises, threads)
/// alive at once, the OS threads, the memory the model accounts for, the
/// context switches, the polls (runs of a unit) and the wakes.
public struct ModelFacts: Sendable, Equatable {
  /// The model that ran.
  public var model: RuntimeModel
  /// How the run ended.
  public var end: EndReason
  /// When main returned (its `complete`), nil if it never did, or if the
  /// run ended in an error: the models let a failed async fn stop and its
  /// caller go on, so that the rest of the run stays visible, but the real
  /// program would have panicked or thrown there, and never reached a
  /// "main returns at" time after it.
  public var mainEndUs: Int64?
  /// The last event's time (the loop or kernel may run on after main).
  public var endUs: Int64
  /// The printed lines, in order.
  public var lines: [String]
  public var steps: UInt32
  /// The most units alive at once (spawned, not yet complete or dropped).
  public var peakUnits: Int
  /// OS threads the model uses: one for rust's current_thread and node's
  /// JavaScript thread; the peak of live threads under threads; nil when
  /// the model does not say.
  public var osThreads: Int?
  /// Bytes the model's accounting gives at the peak (nil: not measured).
  public var memoryBytes: Int64?
  /// Address space reserved besides (threads' stacks), nil for other models.
  public var reservedBytes: Int64?
  public var contextSwitches: Int
  /// Runs of a unit (polls, call stack pushes, CPU dispatches) and wakes.
  public var polls: Int
  public var wakes: Int

  /// The rust model's measured bytes per waiting task of a .av program
  /// (asyncviz-bench scale, tracing off; docs/decisions.md, "The lean poll
  /// loop": 502 B since one object holds each task).
  public static let rustBytesPerTask: Int64 = 502

  /// The facts of `trace`.
  public init(of trace: Trace) {
    let state = TraceReducer.finalState(of: trace)
    model = trace.program.model
    end = trace.end?.reason ?? .maxSteps
    steps = trace.end?.steps ?? trace.stepCount
    endUs = trace.end?.tUs ?? trace.events.last?.tUs ?? 0
    var lines: [String] = []
    for event in trace.events {
      if case .output(_, let text) = event.payload { lines.append(trace.string(text)) }
    }
    self.lines = lines
    // The kernel state counts spawns against completions and drops under
    // every model (a unit is a thread there), so its peak is every model's.
    let peak = state.kernel.peakThreads
    peakUnits = peak
    mainEndUs = end == .error ? nil : Transcript.mainReturn(trace)
    polls = state.tasks.reduce(0) { $0 + Int($1.polls) }
    wakes = state.tasks.reduce(0) { $0 + Int($1.wakes) }
    // The kernel's counters are the threads model's; node's memory (closures
    // and promises) is not accounted, and shows as not measured.
    contextSwitches = state.kernel.contextSwitches
    if model == .rust {
      osThreads = 1
      memoryBytes = Int64(peak) * Self.rustBytesPerTask
    } else if model == .go {
      // Ms: the threads the runtime ran goroutines on, including those made
      // when sysmon handed a P off from a blocking system call.
      osThreads = state.go.ms.count
      memoryBytes = Int64(state.go.peakGoroutines) * GoCosts.stackBytes
    } else if model == .node {
      osThreads = 1
    } else if model == .threads {
      osThreads = state.kernel.peakThreads
      memoryBytes = KernelCosts.residentBytes(threads: state.kernel.peakThreads)
      reservedBytes = KernelCosts.reservedBytes(threads: state.kernel.peakThreads)
    }
  }
}
