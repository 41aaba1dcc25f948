import AsyncVizTestPrograms
import AsyncVizTestSupport
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Testing

/// A viewer of `trace` at `step`, after `actions`.
private func model(_ trace: Trace, at step: UInt32, actions: [ViewerAction] = []) -> ViewerModel {
  let feed = SavedTraceFeed(trace: trace)
  var model = ViewerModel(feed: feed)
  model.jump(to: step)
  model.apply(actions, feed: feed)
  return model
}

private func screen(_ model: ViewerModel, _ width: Int = 100, _ height: Int = 30, ascii: Bool = false)
  -> String
{
  ScreenRenderer.render(model, width: width, height: height, options: ViewOptions(ascii: ascii)).text
}

/// Steps 0 (setup), 1 (main spawns), 4 (the last handler's first poll),
/// 5 (the reactor turn at 40 ms), 7 and the end.
@Test(arguments: [0, 1, 4, 5, 7, 99] as [UInt32])
func dbThenServiceScreens(step: UInt32) {
  let trace = DemoTraces.trace(named: "db-then-service")
  let m = model(trace, at: step)
  Golden.check(screen(m), named: "db-then-service-step\(min(step, trace.stepCount)).txt")
}

@Test func dbThenServiceAt160x50WithATaskSelected() {
  let m = model(DemoTraces.trace(named: "db-then-service"), at: 7, actions: [.nextTask, .nextTask])
  #expect(m.selected == TaskID(1))  // step 7 polls #3; tab picks #4, then #1
  Golden.check(screen(m, 160, 50), named: "db-then-service-step7-160x50.txt")
}

@Test func asciiModeUsesNoUnicode() {
  let text = screen(model(DemoTraces.trace(named: "db-then-service"), at: 7), ascii: true)
  #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  Golden.check(text, named: "db-then-service-step7-ascii.txt")
}

@Test func joinConcurrentScreens() {
  let trace = DemoTraces.trace(named: "join-concurrent")
  let bothWaiting = firstStep(trace) { $0.reactor.interest.count == 2 }
  #expect(bothWaiting == 1)  // join sends both requests in the first poll
  for step in [bothWaiting, bothWaiting + 1, trace.stepCount] {
    Golden.check(screen(model(trace, at: step)), named: "join-concurrent-step\(step).txt")
  }
}

@Test func manyRequestsAtItsBusiestStep() {
  let trace = DemoTraces.trace(named: "many-requests")
  // One pass over the events, measuring the load at the end of each step.
  var state = TraceState()
  var busiest: UInt32 = 0
  var most = -1
  var end = 0
  while end < trace.events.count {
    let step = trace.events[end].step
    while end < trace.events.count && trace.events[end].step == step { end += 1 }
    TraceReducer.apply(trace.events, upTo: end, to: &state)
    let load = state.runQueue.count + state.reactor.interest.count
    if load > most { (busiest, most) = (step, load) }
  }
  let m = model(trace, at: busiest)
  #expect(m.state.runQueue.count + m.state.reactor.interest.count >= 1_000)
  let text = screen(m)
  #expect(text.contains("more"))  // the queue or the interest list is summarised
  Golden.check(text, named: "many-requests-busiest.txt")
  Golden.check(screen(model(trace, at: trace.stepCount)), named: "many-requests-end.txt")
}

@Test func lostWakerScreens() {
  let trace = DemoTraces.trace(named: "lost-waker")
  #expect(trace.end?.reason == .stuck)
  let end = screen(model(trace, at: trace.stepCount))
  #expect(end.contains("Stuck at step \(trace.stepCount): nothing can wake #1 main"))
  #expect(end.contains("#2 forgetful (waker lost)."))
  Golden.check(end, named: "lost-waker-end.txt")
  // The last step polled the forgetful task: its details show the lint.
  let selected = screen(model(trace, at: trace.stepCount), 160, 50)
  #expect(selected.contains("lost-waker: returned Pending but no waker"))
  Golden.check(selected, named: "lost-waker-end-160x50.txt")
}

@Test func helpOverlayListsEveryKey() {
  let text = screen(model(DemoTraces.trace(named: "db-then-service"), at: 2, actions: [.toggleHelp]))
  for keys in [
    "space", "n  →  l", "b  ←  h", "g  Home", "G  End", "+  -", "tab", "Esc", "]  [", "z", "t  T", "e", "?",
    "q  Ctrl-C",
  ] {
    #expect(text.contains(keys), "help lacks \(keys)")
  }
  // At the smallest size every explanation fits whole, none cut at the box.
  for line in KeyMap.helpLines(glyphs: .unicode) {
    #expect(text.contains(line.meaning), "help cuts: \(line.meaning)")
  }
  Golden.check(text, named: "help.txt")
}

@Test func tooSmallTerminalShowsTheResizeScreen() {
  let text = screen(model(DemoTraces.trace(named: "db-then-service"), at: 3), 60, 20)
  #expect(text.contains("Resize to at least 100x30 (now 60x20)."))
  Golden.check(text, named: "resize-60x20.txt")
}
