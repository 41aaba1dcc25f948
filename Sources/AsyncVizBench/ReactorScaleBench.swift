import AsyncVizPosix
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Foundation

/// The reducer and the notes as the fds waiting at once grow: many-requests
/// with 25,000, 50,000 and 100,000 requests (that many fds in the interest
/// list together), every event's note written and the event applied, as an
/// export or a transcript does, without the file. The time an event takes
/// should not grow with the fds: a sorted array's insert and remove in the
/// interest list, and a scan of the whole list for each Pending poll's note,
/// made it grow in proportion (the export took 3.3 times as long for twice
/// the requests).
func runReactorScaleBenchmarks() {
  print("== reactor at scale: many-requests' notes and replay (rust), by concurrent requests")
  var previous: Double?
  for requests in [25_000, 50_000, 100_000] {
    let trace = manyRequestsRun(model: .rust, requests: requests)
    let start = Monotonic.nanoseconds()
    var state = TraceState()
    var bytes = 0
    for (i, event) in trace.events.enumerated() {
      bytes &+= state.note(forEvent: i, event, in: trace).utf8.count
      TraceReducer.applyNext(event, in: trace.events, to: &state)
    }
    let seconds = Double(Monotonic.nanoseconds() - start) / 1e9
    let perEvent = seconds * 1e9 / Double(max(1, trace.events.count))
    let growth =
      previous.map { String(format: "; %.2fx the smaller run's time an event", perEvent / $0) } ?? ""
    print(
      "  \(requests) requests: \(trace.events.count) events in \(String(format: "%.3f", seconds)) s, "
        + "\(String(format: "%.0f", perEvent)) ns an event\(growth) (goal: about 1x; \(bytes) bytes of notes)"
    )
    previous = perEvent
  }
}
