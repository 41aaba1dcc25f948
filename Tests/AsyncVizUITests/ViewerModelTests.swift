import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizUI
import Testing

@Test func modeTransitionsAreExplicit() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  #expect(m.mode == .paused)
  _ = m.handle(.togglePlay, feed: feed)
  #expect(m.mode == .playing)
  _ = m.handle(.toggleHelp, feed: feed)
  #expect(m.mode == .help(resumePlaying: true))
  _ = m.handle(.tick, feed: feed)  // no step while the help shows
  #expect(m.step == 0)
  _ = m.handle(.closeHelp, feed: feed)
  #expect(m.mode == .playing)
  _ = m.handle(.tick, feed: feed)
  #expect(m.step == 1)
  _ = m.handle(.stepForward, feed: feed)  // a manual step pauses
  #expect(m.mode == .paused && m.step == 2)
  _ = m.handle(.toggleHelp, feed: feed)
  #expect(m.mode == .help(resumePlaying: false))
  _ = m.handle(.toggleHelp, feed: feed)
  #expect(m.mode == .paused)
}

@Test func playingStopsAtTheEndOfARecordedTrace() {
  let trace = NativePrograms.dbThenService(handlers: 2)
  let feed = SavedTraceFeed(trace: trace)
  var m = ViewerModel(feed: feed)
  _ = m.handle(.togglePlay, feed: feed)
  for _ in 0..<(trace.stepCount + 3) { _ = m.handle(.tick, feed: feed) }
  #expect(m.step == trace.stepCount)
  #expect(m.mode == .paused)
  #expect(m.message == nil && m.endHint == nil)
  #expect(statusLine(m).hasPrefix(" Run completed at step \(trace.stepCount)"))
  // Space at the end does not start a play that cannot move; the reason stays.
  _ = m.handle(.togglePlay, feed: feed)
  #expect(m.mode == .paused && m.endHint?.contains("last step") == true)
  #expect(statusLine(m).hasPrefix(" Run completed at step \(trace.stepCount)"))
  _ = m.handle(.stepForward, feed: feed)
  #expect(statusLine(m).contains("every task is done. (this is the last step)"))
}

@Test func steppingBackAndJumpingUseTheHistory() {
  let trace = NativePrograms.dbThenService(handlers: 3)
  let feed = SavedTraceFeed(trace: trace)
  var m = ViewerModel(feed: feed)
  _ = m.handle(.stepBack, feed: feed)
  #expect(m.step == 0 && m.message == "Already at the first step.")
  _ = m.handle(.last, feed: feed)
  #expect(m.step == trace.stepCount && m.isAtEnd)
  #expect(m.state.end?.reason == .completed)
  _ = m.handle(.stepBack, feed: feed)
  #expect(m.step == trace.stepCount - 1 && m.state.end == nil)
  _ = m.handle(.first, feed: feed)
  #expect(m.step == 0 && m.state == m.history.state(atStep: 0))
}

@Test func speedStaysBetweenOneAndFiftyStepsPerSecond() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 1))
  var m = ViewerModel(feed: feed)
  for _ in 0..<20 { _ = m.handle(.faster, feed: feed) }
  #expect(m.speed == 50 && m.tickIntervalMs == 20)
  for _ in 0..<20 { _ = m.handle(.slower, feed: feed) }
  #expect(m.speed == 1 && m.tickIntervalMs == 1000)
}

@Test func theSelectionFollowsEachStepUntilTabPicksATask() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  m.forward(2, feed: feed)
  #expect(m.selection == .follow && m.selected == TaskID(2))  // step 2 polls #2
  #expect(m.selections(after: [.stepForward], feed: feed) == [TaskID(3)])
  _ = m.handle(.nextTask, feed: feed)
  #expect(m.selection == .fixed(TaskID(1)))  // after #3 comes #1 again
  // The fixed task stays selected a step back; follow goes back to the step's task.
  #expect(m.selections(after: [.stepBack, .follow], feed: feed) == [TaskID(1), TaskID(2)])
}

@Test func tabCyclesThroughTheTasksOfTheStep() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  #expect(m.selected == TaskID(1))
  #expect(m.selections(after: [.nextTask], feed: feed) == [TaskID(1)])  // only the root task exists at step 0
  _ = m.handle(.stepForward, feed: feed)
  // Two tabs reach #3; the next wraps round to #1, and shift-tab goes back to #3.
  let tabs = m.selections(after: [.nextTask, .nextTask, .nextTask, .previousTask], feed: feed)
  #expect(tabs.suffix(3) == [TaskID(3), TaskID(1), TaskID(3)])
}

@Test func exportAndQuitAreEffectsForTheMainLoop() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 1))
  var m = ViewerModel(feed: feed)
  #expect(m.handle(.export, feed: feed) == .export)
  m.exportFinished(.success("/tmp/t.json"))
  #expect(m.message == "Trace exported to /tmp/t.json")
  m.exportFinished(.failure(ExportFailure("cannot write /x: Permission denied")))
  #expect(m.message == "Export failed: cannot write /x: Permission denied")
  _ = m.handle(.stepForward, feed: feed)
  #expect(m.message == nil)  // the next key clears it
  #expect(m.handle(.quit, feed: feed) == .quit)
}

@Test func steppingPastTheRecordedEndRunsTheProgramLive() {
  let feed = RuntimeFeed(NativePrograms.makeDbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  // The view keeps one step recorded ahead, so the end is known as soon as it is shown.
  #expect(m.isLive && m.step == 0 && m.history.lastStep == 1 && feed.advances == 1)
  m.forward(3, feed: feed)
  #expect(m.step == 3 && m.history.lastStep == 4)
  #expect(feed.advances == 4)
  // Back and forth again replays the history, without running anything.
  m.apply([.stepBack, .stepBack, .stepForward, .stepForward], feed: feed)
  #expect(m.step == 3 && feed.advances == 4)
  _ = m.handle(.last, feed: feed)
  #expect(!m.isLive && m.history.isComplete)
  let reference = NativePrograms.dbThenService(handlers: 2)
  #expect(m.step == reference.stepCount)
  #expect(m.history.trace.events == reference.events)
  #expect(m.state.end?.reason == .completed)
}

@Test func playingALiveRunReachesItsEnd() {
  let feed = RuntimeFeed(NativePrograms.makeDbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  _ = m.handle(.togglePlay, feed: feed)
  var ticks = 0
  while m.mode == .playing && ticks < 100 {
    _ = m.handle(.tick, feed: feed)
    ticks += 1
  }
  #expect(m.mode == .paused)
  #expect(m.history.isComplete && m.isAtEnd)
  #expect(m.step == NativePrograms.dbThenService(handlers: 2).stepCount)
}

@Test func narrationShowsTheCurrentStepFirst() {
  let feed = SavedTraceFeed(trace: NativePrograms.dbThenService(handlers: 2))
  var m = ViewerModel(feed: feed)
  m.forward(4, feed: feed)
  #expect(m.recentNotes.map(\.step) == [4, 3, 2, 1, 0])
  #expect(m.recentNotes.first?.notes.isEmpty == false)
  m.forward(6, feed: feed)
  #expect(m.recentNotes.count == ViewerModel.narrationDepth)
  #expect(m.recentNotes.first?.step == 10)
}

/// The status line of `model`'s frame at 100x30.
func statusLine(_ model: ViewerModel) -> String {
  let rows = ScreenRenderer.render(model, width: 100, height: 30, options: ViewOptions()).text
    .split(separator: "\n", omittingEmptySubsequences: false)
  return rows.count >= 2 ? String(rows[28]) : ""
}
