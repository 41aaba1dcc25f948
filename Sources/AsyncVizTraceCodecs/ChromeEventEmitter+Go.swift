import AsyncVizTrace
import AsyncVizTraceState

/// A go-model trace's lanes, as `go tool trace` draws them: one per P (a
/// slice for each goroutine it runs) and one per M (a slice for each stretch
/// it runs a goroutine, and for each blocking system call it sits in).
extension ChromeEventEmitter {
  /// The lane of P `p` and of M `m`.
  static func pLane(_ p: Int32) -> Int64 { 1_000_000 + Int64(p) }
  static func mLane(_ m: Int32) -> Int64 { 2_000_000 + Int64(m) }

  /// The Ps and Ms a go trace names, for the lanes' metadata.
  func goLanes() -> (ps: Int32, ms: Int32) {
    var ps: Int32 = 0
    var ms: Int32 = 0
    for e in trace.events {
      switch e.payload {
      case .goExecute(_, let p, let m), .goHandoff(let p, let m):
        ps = max(ps, p + 1)
        ms = max(ms, m + 1)
      case .goSyscall(_, let m, _), .goSyscallExit(_, let m, _): ms = max(ms, m + 1)
      default: break
      }
    }
    return (ps, ms)
  }

  /// Names and orders the P and M lanes (after the task lanes).
  func goMetadata(into out: inout JSONBytes) {
    let (ps, ms) = goLanes()
    var lanes: [(Int64, String)] = []
    for p in 0..<ps { lanes.append((Self.pLane(p), "P\(p)")) }
    for m in 0..<ms { lanes.append((Self.mLane(m), "M\(m) (thread)")) }
    for (lane, name) in lanes {
      out.raw("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":")
      out.int(lane)
      out.raw(",\"args\":{\"name\":")
      out.quoted(name)
      out.raw("}},\n{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":1,\"tid\":")
      out.int(lane)
      out.raw(",\"args\":{\"sort_index\":")
      out.int(lane)
      out.raw("}},\n")
    }
  }

  /// The slices a go event opens or closes.
  mutating func goEvent(_ i: Int, state: TraceState, into out: inout JSONBytes) {
    switch trace.events.payload(at: i) {
    case .goExecute(let task, let p, let m):
      goRuns[p] = (i, task, m)
    case .goPark(let task, _, _), .goPreempt(let task, _), .complete(let task):
      closeRun(of: task, at: i, state: state, into: &out)
    case .goSyscall(let task, let m, _):
      closeRun(of: task, at: i, state: state, into: &out)
      goSyscalls[m] = (i, task)
    case .goSyscallExit(let task, let m, let p):
      if let call = goSyscalls.removeValue(forKey: m) {
        slice(
          "syscall: \(trace.label(call.task))", cat: "syscall", lane: Self.mLane(m), from: call.start, to: i,
          state: state, into: &out)
      }
      if p >= 0 { goRuns[p] = (i, task, m) }
    case .goHandoff(let p, let m):
      instant(
        "handoff P\(p) to M\(m)", cat: "sysmon", lane: Self.pLane(p), event: i, state: state, into: &out)
    case .goIdle(let p):
      instant("idle", cat: "sched", lane: Self.pLane(p), event: i, state: state, into: &out)
    default:
      break
    }
  }

  /// Ends the slice of `task` on its P and M.
  private mutating func closeRun(of task: TaskID, at i: Int, state: TraceState, into out: inout JSONBytes) {
    guard let p = goRuns.first(where: { $0.value.task == task })?.key, let run = goRuns.removeValue(forKey: p)
    else { return }
    let name = trace.label(task)
    slice(name, cat: "goroutine", lane: Self.pLane(p), from: run.start, to: i, state: state, into: &out)
    slice(name, cat: "goroutine", lane: Self.mLane(run.m), from: run.start, to: i, state: state, into: &out)
  }

  /// A complete slice from event `start` to event `end` (at least its step's width).
  private func slice(
    _ name: String, cat: StaticString, lane: Int64, from start: Int, to end: Int, state: TraceState,
    into out: inout JSONBytes
  ) {
    let t0 = timeline.times[start]
    let t1 = max(timeline.times[end], timeline.stepEnds[start] - 1)
    ChromeEventEmitter.begin("X", name: name, cat: cat, lane: lane, at: t0, into: &out)
    ChromeEventEmitter.ts(",\"dur\":", max(1, t1 - t0), into: &out)
    args(event: start, state: state, into: &out)
    out.raw("},\n")
  }
}
