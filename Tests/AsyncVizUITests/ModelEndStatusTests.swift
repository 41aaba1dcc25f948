import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// The status line at the end of a completed run says how it ended in the
/// model's words; it said "every task is done" also when main's return had
/// killed a goroutine or a thread still running (select-timeout's archive
/// fetch under go and threads).
@Suite struct ModelEndStatusTests {
  func endLine(_ trace: Trace) -> String {
    var model = ViewerModel(feed: SavedTraceFeed(trace: trace))
    model.jump(to: UInt32.max)
    let text = ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions()).text
    return text.split(separator: "\n").first { $0.contains("Run completed") }.map(String.init) ?? text
  }

  @Test func aRunWhoseMainReturnedFirstSaysWhatWentWithIt() {
    let cases: [(RuntimeModel, String)] = [
      (.go, "main returned, and the process's exit killed 1 goroutine still alive"),
      (.threads, "main returned, and exit() killed 1 thread still alive"),
    ]
    for (model, expected) in cases {
      let trace = DemoTraces.trace(named: "select-timeout", model: model)
      let killed = TraceReducer.finalState(of: trace).tasks.filter { $0.status == .dropped }.count
      #expect(killed == 1)
      #expect(endLine(trace).contains(expected), "\(model): \(endLine(trace))")
    }
    #expect(endLine(DemoTraces.trace(named: "select-timeout", model: .rust)).contains("every task is done"))
    #expect(endLine(DemoTraces.goTrace(named: "db-then-service")).contains("every goroutine has returned"))
    #expect(endLine(DemoTraces.threadsTrace(named: "db-then-service")).contains("every thread has exited"))
  }

  /// Away from the end the status line still tells the end: from the run's
  /// end state, kept once (a replay of the events not indexed yet), then
  /// the indexed history's own. Both are the state a replay of every event
  /// ends in.
  @Test func theEndStateIsTheRunsBeforeAndAfterIndexing() {
    let trace = DemoTraces.trace(named: "select-timeout", model: .go)
    var model = ViewerModel(feed: SavedTraceFeed(trace: trace), snapshotInterval: 8)
    #expect(model.isIndexing)
    #expect(model.endState == TraceReducer.finalState(of: trace))
    let text = ScreenRenderer.render(model, width: 160, height: 50, options: ViewOptions()).text
    #expect(text.contains("exit killed 1 goroutine still alive") && text.contains("(you are at step 0)"))
    while model.isIndexing { model.indexMore() }
    #expect(model.endState == TraceReducer.finalState(of: trace))
  }
}
