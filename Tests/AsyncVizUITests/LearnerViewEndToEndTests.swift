import AsyncVizTestPrograms
import AsyncVizTestSupport
import Foundation
import Testing

/// One lesson's walk through the new views, as a learner takes it.
struct LearnerWalk: Sendable, CustomStringConvertible {
  /// The demo.
  let demo: String
  /// The step where the lesson happens.
  let step: Int
  /// What the task detail's future tree must show there.
  let tree: [String]
  /// What the output pane must show there.
  let output: String
  /// A phrase of the step's full notes (only the zoomed narration has it).
  let fullNote: String
  /// What the timeline must show there.
  let timeline: String

  var description: String { demo }
}

private let walks = [
  LearnerWalk(
    demo: "db-then-service", step: 7, tree: ["awaits    line 15: svc.call", "svc.call: pending on fd 6"],
    output: "(nothing printed yet)", fullNote: "the answer will come later, after the server's latency",
    timeline: "JoinHandle #2"),
  LearnerWalk(
    demo: "lazy-future", step: 1, tree: ["lookup L17: not polled (lazy)", "sleep: due at 50.000 ms"],
    output: "made the lookup; not awaiting it yet", fullNote: "a future is lazy, so none of it runs",
    timeline: "sleep"),
  LearnerWalk(
    demo: "blocking-the-executor", step: 8, tree: ["awaits    line 12: sleep"],
    output: "unblocked", fullNote: "the reactor takes its waker out of the timer queue",
    timeline: "95 ms late"),
  LearnerWalk(
    demo: "select-timeout", step: 1, tree: ["slow.fetch: pending on fd 5", "sleep: due at 50.000 ms"],
    output: "(nothing printed yet)", fullNote: "select is not ready (it needs any one of its futures)",
    timeline: "select"),
]

/// The built viewer in tmux at 100x30 and 160x50: step to the lesson's step,
/// read the future tree, the output pane and the short narration, zoom the
/// narration (z), show the timeline (t), quit. Each screen is a golden.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct LearnerViewEndToEndTests {
  @Test(arguments: walks, [(100, 30), (160, 50)])
  func timelineOutputZoomAndFutureTree(walk: LearnerWalk, size: (Int, Int)) throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let (width, height) = size
    let binary = TmuxSession.asyncviz
    let session = try TmuxSession(width: width, height: height)
    try session.type(
      "\(binary) demo \(walk.demo); code=$?; stty -a > stty.txt; echo \"exit=$code\" > exit.txt")
    try session.waitFor("the view") { $0.contains("Narration") && $0.contains("Output") }
    for _ in 0..<walk.step { try session.keys("n") }
    let view = try session.waitForSettled("step \(walk.step)") { screen in
      showsStep(walk.step, screen) && walk.tree.allSatisfy { screen.contains($0) }
    }
    #expect(view.contains(walk.output), "output pane:\n\(view)")
    #expect(!flat(view).contains(walk.fullNote), "the short narration has the full sentence")
    // The timeline shares the screen from 150x45 up; below, t brings it in.
    #expect(view.contains("Timeline") == (width >= 150))

    try session.keys("z")
    let zoomed = try session.waitForSettled("the zoomed narration") { $0.contains("Narration: full notes") }
    #expect(flat(zoomed).contains(walk.fullNote), "zoomed:\n\(zoomed)")
    #expect(!zoomed.contains("Source"))

    try session.keys("z", "t")
    let timeline = try session.waitForSettled("the timeline toggled") { screen in
      screen.contains("Narration (z: full notes)") && screen.contains("Timeline") != (width >= 150)
    }
    if width < 150 {
      #expect(timeline.contains(walk.timeline), "timeline:\n\(timeline)")
    } else {
      #expect(view.contains(walk.timeline), "timeline:\n\(view)")
    }
    let golden = ["=== view", view, "=== z", zoomed, "=== z t", timeline].joined(separator: "\n")
    Golden.check(golden, named: "e2e/\(walk.demo)-\(width)x\(height).txt")

    try session.keys("q")
    try expectRestored(session, exitCode: walk.demo == "lost-waker" ? 1 : 0)
  }

  /// The screen's words in order, without borders and line breaks: a
  /// wrapped sentence reads as one.
  private func flat(_ screen: String) -> String {
    screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).joined(separator: " ")
  }
}
