import AsyncVizTrace
import AsyncVizTraceState

/// Turns trace events into Chrome trace events, one pass front to back.
/// Each Chrome event is written on its own line, ending with ",\n".
struct ChromeEventEmitter {
  /// The trace being exported.
  let trace: Trace
  /// Display times.
  let timeline: ChromeTimeline
  /// For each wake event (by `seq`), the `seq` of the next poll_start of the woken task.
  let flowTargets: [Int: Int]
  /// The poll_start of the poll in progress.
  var pollStart = 0
  /// The call_push events of the node frames on the call stack, bottom first.
  var callStarts: [Int] = []
  /// The reactor_wait of the turn in progress, if any, and the fds it reported.
  var reactorTurn: (start: Int, timeout: Int64?, ready: [Int32])?
  /// Numeric id of the next flow.
  var nextFlow: Int64 = 1
  /// Last counter values written (-1: none yet).
  var lastQueue = -1
  var lastPending = -1
  /// Go traces: the goroutine each P runs (since which event, on which M), and each M's system call.
  var goRuns: [Int32: (start: Int, task: TaskID, m: Int32)] = [:]
  var goSyscalls: [Int32: (start: Int, task: TaskID)] = [:]

  init(trace: Trace) {
    self.trace = trace
    timeline = ChromeTimeline(trace)
    var next: [Int] = Array(repeating: -1, count: trace.tasks.count + 1)
    var targets: [Int: Int] = [:]
    for i in trace.events.indices.reversed() {
      switch trace.events.payload(at: i) {
      case .pollStart(let task) where task.index >= 0 && task.index < next.count:
        next[task.index] = i
      case .wake(let task, _, _, _) where task.index >= 0 && task.index < next.count && next[task.index] >= 0:
        targets[i] = next[task.index]
      default:
        break
      }
    }
    flowTargets = targets
  }

  /// Process and thread names, and the lanes' order.
  func metadata(into out: inout JSONBytes) {
    let backend = trace.program.backend == .sim ? "sim" : "epoll"
    meta("process_name", lane: 0, name: "asyncviz \(trace.program.name) (\(backend))", into: &out)
    meta("thread_name", lane: ChromeTraceWriter.executorLane, name: "executor", into: &out)
    let reactor = trace.program.backend == .sim ? "reactor (simulated epoll)" : "reactor (epoll)"
    meta("thread_name", lane: ChromeTraceWriter.reactorLane, name: reactor, into: &out)
    for task in trace.tasks {
      meta("thread_name", lane: ChromeTraceWriter.lane(task.id), name: trace.label(task.id), into: &out)
    }
    for lane in [ChromeTraceWriter.executorLane, ChromeTraceWriter.reactorLane]
      + trace.tasks.map({ ChromeTraceWriter.lane($0.id) })
    {
      out.raw("{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":")
      out.int(lane)
      out.raw(",\"args\":{\"sort_index\":")
      out.int(lane)
      out.raw("}},\n")
    }
    if trace.program.model == .go { goMetadata(into: &out) }
  }

  private func meta(_ kind: StaticString, lane: Int64, name: String, into out: inout JSONBytes) {
    out.raw("{\"ph\":\"M\",\"name\":\"")
    out.raw(kind)
    out.raw("\",\"pid\":1,\"tid\":")
    out.int(lane)
    out.raw(",\"args\":{\"name\":")
    out.quoted(name)
    out.raw("}},\n")
  }

  /// `"ts":12.345` from nanoseconds.
  static func ts(_ key: StaticString, _ ns: Int128, into out: inout JSONBytes) {
    out.raw(key)
    let whole = ns / 1000
    if let small = Int64(exactly: whole) {
      out.int(small)
    } else {
      for digit in String(whole).utf8 { out.byte(digit) }  // only for times past Int64.max ns
    }
    out.byte(UInt8(ascii: "."))
    let frac = Int64(ns % 1000)
    if frac < 100 { out.byte(UInt8(ascii: "0")) }
    if frac < 10 { out.byte(UInt8(ascii: "0")) }
    out.int(frac)
  }

  /// Starts an event: `{"ph":P,"name":NAME,"cat":CAT,"pid":1,"tid":LANE,"ts":TS`.
  static func begin(
    _ ph: StaticString, name: String, cat: StaticString, lane: Int64, at ns: Int128, into out: inout JSONBytes
  ) {
    out.raw("{\"ph\":\"")
    out.raw(ph)
    out.raw("\",\"name\":")
    out.quoted(name)
    out.raw(",\"cat\":\"")
    out.raw(cat)
    out.raw("\",\"pid\":1,\"tid\":")
    out.int(lane)
    ts(",\"ts\":", ns, into: &out)
  }

  /// An instant on a lane, with the event's note and clock in args.
  func instant(
    _ name: String, cat: StaticString, lane: Int64, event i: Int, state: TraceState,
    into out: inout JSONBytes
  ) {
    ChromeEventEmitter.begin("i", name: name, cat: cat, lane: lane, at: timeline.times[i], into: &out)
    out.raw(",\"s\":\"t\"")
    args(event: i, state: state, into: &out)
    out.raw("},\n")
  }

  /// `,"args":{"seq":..,"t_us":..,"note":..}`: the clock of event `i` and
  /// the note of event `noteOf` (by default `i`), which `state` (not yet
  /// past that event) writes straight into `out`, escaped.
  func args(
    event i: Int, noteOf n: Int? = nil, state: TraceState, extra: String? = nil,
    into out: inout JSONBytes
  ) {
    out.raw(",\"args\":{\"seq\":")
    out.int(Int64(i))
    out.raw(",\"t_us\":")
    out.int(trace.events.time(at: i))
    if let extra {
      out.byte(UInt8(ascii: ","))
      out.raw("\"detail\":")
      out.quoted(extra)
    }
    out.raw(",\"note\":\"")
    state.writeNote(forEvent: n ?? i, in: trace, into: &out)
    out.raw("\"}")
  }
}
