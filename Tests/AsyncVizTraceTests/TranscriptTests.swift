import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import Testing

@Test(arguments: ["db-then-service", "lost-waker", "select-timeout"])
func transcriptsMatchTheirGoldens(_ name: String) {
  Golden.check(Transcript.render(Workloads.trace(name)), named: "\(name).transcript.txt")
}

@Test func theTranscriptHasEveryNoteUnderItsStep() {
  let trace = Workloads.trace("channel-pipeline")
  let text = Transcript.render(trace)
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let notes = trace.notes()
  var at = 0
  for (event, note) in zip(trace.events, notes) {
    let expected: String
    if case .output(let task, let out) = event.payload {
      expected = "  >>> \(trace.label(task)) prints: \(trace.string(out))"
    } else {
      expected = "  \(note)"
    }
    guard let found = lines[at...].firstIndex(where: { $0 == expected }) else {
      Issue.record("missing or out of order: \(expected)")
      return
    }
    // The nearest step line above the note is the event's step.
    let stepLine = lines[..<found].last { $0.hasPrefix("step ") }
    #expect(stepLine?.hasPrefix(event.step == 0 ? "step 0 (setup)" : "step \(event.step) ") == true)
    at = found + 1
  }
  #expect(text.hasPrefix("asyncviz transcript: channel-pipeline\nbackend: sim"))
  #expect(
    text.contains("\nend: completed. Every task finished.\n  steps: 9\n  total time: 5.000 ms (virtual)\n"))
}

@Test func stuckRunsNameTheTasksAndWhy() {
  let text = Transcript.render(Workloads.trace("lost-waker"))
  #expect(text.contains("end: stuck."))
  #expect(
    text.contains("    #1 main: pending at line 2 on join; its waker is held only by tasks or channels"))
  #expect(text.contains("    #2 lost: pending at line 1 on lost_waker, and no one holds its waker.\n"))
  #expect(text.contains("  lints:\n    lost-waker on #2 lost (step 2)\n"))
}

@Test func streamingAndWholeRenderingAgree() {
  let trace = Workloads.trace("many-requests")
  var pieces: [String] = []
  Transcript.render(trace) { pieces.append($0) }
  #expect(pieces.joined() == Transcript.render(trace))
  #expect(pieces.allSatisfy { $0.hasSuffix("\n") })
  #expect(pieces.count > trace.stepCount)
}

@Test func aTraceSavedMidRunSaysSo() {
  var trace = Workloads.trace("timers")
  trace.end = nil
  #expect(Transcript.render(trace).contains("end: the run had not finished when this trace was saved"))
}
