import AsyncVizExamples
import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// The go model's timer notes name the Go call that armed the timer
// (time.Sleep, time.After for timeout's timer, or on sim the resource call's
// latency). Each expectation is derived from the model's own run of a demo
// (which the Go oracle checks against real Go 1.19), independently of the
// purpose word the trace carries.

/// Each go timer's purpose as the run shows it: the park of its goroutine
/// that follows the arming in the same step (`time.Sleep` parks in sleep, a
/// resource call in IO wait, timeout's select in select). Keyed by the index
/// of the `timer_set` and of its `timer_fire` (the task's earliest armed
/// timer, arming order on a tie).
private func purposesFromTheRun(_ trace: Trace) -> TimerPurposes {
  var armed: [(index: Int, task: TaskID, deadline: Int64, purpose: TimerPurpose)] = []
  var out: TimerPurposes = ([:], [:])
  for (i, event) in trace.events.enumerated() {
    switch event.payload {
    case .timerSet(let task, let deadline, _):
      let park = trace.events[(i + 1)...].first {
        if case .goPark(task, _, _) = $0.payload { true } else { false }
      }
      guard let park, park.step == event.step, case .goPark(_, _, let reason) = park.payload else { continue }
      let purpose: TimerPurpose? =
        switch reason {
        case .sleep: .sleep
        case .ioWait: .latency
        case .select: .timeout
        default: nil
        }
      guard let purpose else { continue }
      out.set[i] = purpose
      armed.append((i, task, deadline, purpose))
    case .timerFire(let task):
      let due = armed.filter { $0.task == task }
      let first = due.min { $0.deadline < $1.deadline || ($0.deadline == $1.deadline && $0.index < $1.index) }
      if let first {
        armed.removeAll { $0.index == first.index }
        out.fire[i] = first.purpose
      }
    default:
      break
    }
  }
  return out
}

@Test func goSaysWhichCallEachTimerIsFor() {
  // A select's losing timer is dropped unfired, so not every timer fires.
  expectTimerNotesNameTheirPurpose(
    trace: { DemoTraces.goTrace(named: $0) }, derive: purposesFromTheRun, everyTimerFires: false,
    armed: { purpose, after in
      switch purpose {
      case .sleep: "calls time.Sleep(\(after / 1000)ms), which arms a timer"
      case .timeout: "calls time.After(\(after / 1000)ms) for timeout's timer"
      case .latency:
        "makes a resource call: on sim, a timer on its P's heap stands in for the server's latency"
      }
    },
    // checkTimers' note names the same call when the timer fires.
    fired: { purpose in
      switch purpose {
      case .sleep: "checkTimers finds the time.Sleep timer of "
      case .timeout: "checkTimers finds the time.After timer of "
      case .latency: "(on sim a timer stands in for the server's latency"
      }
    })
}
