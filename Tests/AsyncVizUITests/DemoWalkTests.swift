import AsyncVizExamples
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizUI
import Testing

private let titles = ["Tasks", "Executor", "Reactor", "Source", "Narration", "Task #"]

/// Every demo, run live from the viewer: forward to the last step (each step
/// recorded on demand), then back to the first, drawing frames on the way.
@Test(arguments: DemoCatalog.all.map(\.name))
func everyDemoStepsToTheEndAndBack(demo: String) {
  let feed = RuntimeFeed(DemoTraces.runtime(named: demo))
  // Snapshots every 256 events: each step costs a few hundred applies in the debug build.
  var model = ViewerModel(feed: feed, snapshotInterval: 256)
  // A thousand-task demo is drawn every few steps only, to keep the debug build quick.
  let drawEvery: UInt32 = demo == "many-requests" ? 401 : 1
  var frames = 0
  func check(_ m: ViewerModel) {
    guard m.step % drawEvery == 0 || m.isAtEnd else { return }
    let text = ScreenRenderer.render(m, width: 100, height: 30, options: ViewOptions()).text
    frames += 1
    #expect(titles.allSatisfy { text.contains($0) }, "\(demo) step \(m.step)")
    let live = m.isLive && !m.history.isComplete
    #expect(text.contains(live ? "step \(m.step) (live)" : "step \(m.step)/"), "\(demo) step \(m.step)")
    // The last step of a finished run says why the run ended, however it was reached.
    if m.isAtEnd && m.history.isComplete {
      let status = text.split(separator: "\n").dropLast().last ?? ""
      #expect(
        ["Run completed", "Stuck at step", "step limit"].contains { status.contains($0) },
        "\(demo) step \(m.step): \(status)")
    }
  }
  check(model)
  var guardSteps = 0
  while !(model.isAtEnd && model.history.isComplete) && guardSteps < 100_000 {
    let before = model.step
    _ = model.handle(.stepForward, feed: feed)
    #expect(model.step == before + 1, "\(demo) did not advance at \(before)")
    check(model)
    guardSteps += 1
  }
  #expect(model.history.isComplete)
  let last = model.step
  #expect(last == DemoTraces.trace(named: demo).stepCount)
  #expect(model.state.end != nil)
  // One more n at the end keeps the reason and only adds a hint.
  _ = model.handle(.stepForward, feed: feed)
  #expect(model.step == last && model.endHint == "this is the last step")
  check(model)
  while model.step > 0 {
    _ = model.handle(.stepBack, feed: feed)
    check(model)
  }
  #expect(model.step == 0 && model.state == model.history.state(atStep: 0))
  #expect(frames > 1)
}
