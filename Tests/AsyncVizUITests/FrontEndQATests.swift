import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizUI
import Testing

/// The rows of `model`'s frame.
private func rows(_ model: ViewerModel, width: Int = 100, height: Int = 30) -> [String] {
  ScreenRenderer.render(model, width: width, height: height, options: ViewOptions()).text
    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

@Test func aCurrentStepTooLongForTheZoomedNarrationTurnsPages() throws {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "many-requests"))
  var m = ViewerModel(feed: feed)
  m.jump(to: 1)  // main spawns a thousand handlers in one poll
  _ = m.handle(.toggleZoom, feed: feed)
  var frame = rows(m)
  let last = frame[26]  // the pane's last row, above its border
  #expect(last.contains("(page 1 of ") && last.contains("] next page"), "\(last)")
  let pages = Int(last.split(separator: "of ")[1].prefix { $0.isNumber }) ?? 0
  #expect(pages > 1)
  // A page is a screenful: the second page starts where the first ended.
  let firstPage = frame[2...25].joined()
  _ = m.handle(.scrollNotesDown, feed: feed)
  m.fitNotesScroll(width: 100, height: 30)
  frame = rows(m)
  #expect(frame[26].contains("(page 2 of \(pages)"), "\(frame[26])")
  #expect(frame[2...25].joined() != firstPage)
  // The first pages hold the first notes made; ] past them makes more, up to
  // the step's last event. Then more ] than pages stops at the last one, and
  // one [ goes back.
  for _ in 0..<(pages - 2) {
    _ = m.handle(.scrollNotesDown, feed: feed)
    m.fitNotesScroll(width: 100, height: 30)
  }
  #expect(rows(m)[26].contains("] more notes, [ back"), "\(rows(m)[26])")
  var previous = -1
  while m.notesPage != previous {
    previous = m.notesPage
    _ = m.handle(.scrollNotesDown, feed: feed)
    m.fitNotesScroll(width: 100, height: 30)
  }
  #expect(rows(m)[26].contains("the last: [ back"), "\(rows(m)[26])")
  let step = try #require(m.recentNotes.first)
  #expect(step.omitted == 0 && step.notes.count == m.history.events(ofStep: 1).count)
  #expect(m.notesPage > pages * 10, "every note of the thousand spawns, a page at a time")
  let lastPage = m.notesPage
  _ = m.handle(.scrollNotesUp, feed: feed)
  #expect(m.notesPage == lastPage - 1)
  _ = m.handle(.stepForward, feed: feed)
  #expect(m.notesPage == 0)
  // z again: one short line per note, and the step fits without pages.
  _ = m.handle(.toggleZoom, feed: feed)
  m.jump(to: 1)
  #expect(!rows(m).joined().contains("(page "))
}

@Test func theLastStepOfALiveRunShowsWhyItEndedAtOnce() {
  let feed = RuntimeFeed(DemoTraces.runtime(named: "lost-waker"))
  var m = ViewerModel(feed: feed)
  m.forward(2, feed: feed)
  #expect(m.isAtEnd && m.history.isComplete)
  #expect(statusLine(m).hasPrefix(" Stuck at step 2: nothing can wake"))
  _ = m.handle(.stepForward, feed: feed)
  #expect(m.step == 2 && statusLine(m).hasPrefix(" Stuck at step 2: nothing can wake"))
}

@Test func theIdColumnFitsTheLargestIdOfTheTrace() {
  let trace = DemoTraces.trace(named: "many-requests")
  let feed = SavedTraceFeed(trace: trace)
  var m = ViewerModel(feed: feed)
  m.jump(to: 1001)
  // The left column only: the executor panel names tasks too.
  let table = rows(m)[1...8].map { String($0.prefix(56)) }.filter { $0.contains(" handler ") }
  let columns = Set(table.compactMap { $0.range(of: " handler ")?.lowerBound.utf16Offset(in: $0) })
  #expect(table.count > 2 && columns.count == 1, "\(table.joined(separator: "\n"))")
}

@Test func theHeaderDropsWholeFieldsWhenNarrow() {
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "db-then-service"))
  var m = ViewerModel(feed: feed)
  for _ in 0..<10 { _ = m.handle(.faster, feed: feed) }
  m.jump(to: 14)
  let wide = rows(m)[0]
  #expect(wide.contains("step 14/14") && wide.contains("50 steps/s") && wide.contains("? help"))
  // 100 columns with a long name: the least important fields go, whole.
  var long = DemoTraces.trace(named: "db-then-service")
  long.program.name = "a-program-with-a-rather-long-name-indeed"
  let longFeed = SavedTraceFeed(trace: long)
  var n = ViewerModel(feed: longFeed)
  for _ in 0..<10 { _ = n.handle(.faster, feed: longFeed) }
  n.jump(to: 14)
  let header = rows(n)[0]
  #expect(header.contains("step 14/14") && header.contains("paused") && header.contains("t = 65.000 ms"))
  #expect(!header.contains("asyncviz") && !header.contains("backend"), "\(header)")
  #expect(!header.contains("50") || header.contains("50 steps/s"), "\(header)")
  #expect(!header.contains("?") || header.contains("? help"), "\(header)")
  for _ in 0..<10 { _ = m.handle(.slower, feed: feed) }
  #expect(rows(m)[0].contains("1 step/s"))
}

@Test func onlyQuitActsOnTheResizeScreen() {
  for key in [InputKey.character("n"), .character(" "), .character("G"), .right, .character("e")] {
    #expect(KeyMap.action(for: key, in: .paused, fits: false) == nil, "\(key)")
  }
  #expect(KeyMap.action(for: .character("q"), in: .paused, fits: false) == .quit)
  #expect(KeyMap.action(for: .interrupt, in: .paused, fits: false) == .quit)
  #expect(KeyMap.action(for: .resize, in: .paused, fits: false) == .resize)
  #expect(KeyMap.action(for: .character("]"), in: .paused) == .scrollNotesDown)
  #expect(KeyMap.action(for: .character("["), in: .paused) == .scrollNotesUp)
}

/// The stuck line names what each task waits on at the run's end, whatever
/// step is shown: under go the wait reason is read from the last state, not
/// the shown step's (where the goroutine may not be parked yet).
@Test func theStuckLineReadsTheLastStateAtEveryStep() {
  let feed = SavedTraceFeed(trace: DemoTraces.goTrace(named: "lost-waker"))
  var m = ViewerModel(feed: feed)
  m.jump(to: m.history.lastStep)
  let atEnd = statusLine(m)
  #expect(atEnd.contains("Stuck at step") && atEnd.contains("#1 main (on chan receive L17)"), "\(atEnd)")
  m.jump(to: 1)
  #expect(statusLine(m).contains("#1 main (on chan receive L17)"), "\(statusLine(m))")
}

@Test func theTimelineAxisOfARunThatNeverMovedTheClockStaysBySteps() {
  // lost-waker ends stuck at 0 ms: there is no time to draw by.
  let feed = SavedTraceFeed(trace: DemoTraces.trace(named: "lost-waker"))
  var m = ViewerModel(feed: feed)
  _ = m.handle(.toggleTimelineAxis, feed: feed)
  #expect(!m.timelineBySteps, "T flipped an axis the panel cannot show")
  #expect(m.message?.contains("the timeline is by step") == true)
  // At 160x50 the timeline shows beside the other panels.
  #expect(rows(m, width: 160, height: 50).joined().contains("Timeline (by step"))
  // A run that moved the clock switches at once.
  let timed = SavedTraceFeed(trace: DemoTraces.trace(named: "timers"))
  var n = ViewerModel(feed: timed)
  _ = n.handle(.toggleTimelineAxis, feed: timed)
  #expect(
    n.timelineBySteps && rows(n, width: 160, height: 50).joined().contains("Timeline (by step; T: by time)"))
}

@Test func aRunStoppedAtTheStepLimitSaysHowToLetItGoOn() throws {
  var trace = DemoTraces.trace(named: "timers")
  let end = try #require(trace.end)
  trace.end = RunEnd(reason: .maxSteps, steps: end.steps, tUs: end.tUs)
  let feed = SavedTraceFeed(trace: trace)
  var m = ViewerModel(feed: feed)
  m.jump(to: end.steps)
  let status = rows(m, width: 160, height: 50)[48]
  #expect(
    status.contains("step limit (\(end.steps) steps)") && status.contains("a higher --max-steps"), "\(status)"
  )
}
