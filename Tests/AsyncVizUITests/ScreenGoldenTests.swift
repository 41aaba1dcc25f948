import AsyncVizTrace
import AsyncVizUI
import Testing

/// A model of `trace` shown at `step`.
private func model(_ trace: Trace, at step: UInt32, actions: [ViewerAction] = []) -> (
  ViewerModel, SavedTraceFeed
) {
  let feed = SavedTraceFeed(trace: trace)
  var model = ViewerModel(feed: feed)
  model.forward(Int(step), feed: feed)
  model.apply(actions, feed: feed)
  return (model, feed)
}

private func screen(_ model: ViewerModel, _ width: Int = 100, _ height: Int = 30, ascii: Bool = false)
  -> String
{
  ScreenRenderer.render(model, width: width, height: height, options: ViewOptions(ascii: ascii)).text
}

@Test(arguments: [0, 4, 7, 13] as [UInt32])
func nativeDbThenServiceScreens(step: UInt32) {
  let (m, _) = model(NativePrograms.dbThenService(handlers: 3), at: step)
  #expect(m.step == step)
  GoldenFile.check(screen(m), named: "native-db-then-service-step\(step).txt")
}

@Test func nativeDbThenServiceWithASelectedTaskAt160x50() {
  let (m, _) = model(NativePrograms.dbThenService(handlers: 3), at: 7, actions: [.nextTask, .nextTask])
  #expect(m.selected == TaskID(3))
  GoldenFile.check(screen(m, 160, 50), named: "native-db-then-service-step7-160x50.txt")
}

@Test func asciiModeUsesNoUnicode() {
  let (m, _) = model(NativePrograms.dbThenService(handlers: 3), at: 7)
  let text = screen(m, ascii: true)
  #expect(text.unicodeScalars.allSatisfy { $0.isASCII })
  GoldenFile.check(text, named: "native-db-then-service-step7-ascii.txt")
}

@Test func stuckRunNamesTheStuckTasks() {
  let trace = NativePrograms.lostWaker()
  let (m, _) = model(trace, at: trace.stepCount)
  let text = screen(m)
  #expect(text.contains("stuck"))
  #expect(text.contains("#2 lost (its waker was lost"))
  GoldenFile.check(text, named: "native-lost-waker-end.txt")
}

@Test func helpOverlayListsEveryKey() {
  let (m, _) = model(NativePrograms.dbThenService(handlers: 3), at: 2, actions: [.toggleHelp])
  let text = screen(m)
  for keys in ["space", "n  →  l", "b  ←  h", "g  Home", "G  End", "+  -", "tab", "e", "?", "q  Ctrl-C"] {
    #expect(text.contains(keys), "help lacks \(keys)")
  }
  GoldenFile.check(text, named: "native-help.txt")
}

@Test func manyHandlersAtTheBusiestStep() {
  let trace = NativePrograms.dbThenService(handlers: 100, name: "many-handlers")
  let history = TraceHistory(trace: trace)
  let busiest =
    (0...history.lastStep).max {
      history.state(atStep: $0).runQueue.count < history.state(atStep: $1).runQueue.count
    } ?? 0
  let (m, _) = model(trace, at: busiest)
  #expect(m.state.runQueue.count == 100)
  let text = screen(m)
  #expect(text.contains("more"))
  GoldenFile.check(text, named: "native-many-handlers-busiest.txt")
}

@Test func tooSmallTerminalShowsTheResizeScreen() {
  let (m, _) = model(NativePrograms.dbThenService(handlers: 3), at: 3)
  let text = screen(m, 60, 20)
  #expect(text.contains("Resize to at least 100x30 (now 60x20)."))
  GoldenFile.check(text, named: "resize-60x20.txt")
}
