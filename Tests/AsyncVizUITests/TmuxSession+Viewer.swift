import AsyncVizTrace
import Testing

/// The steps every end-to-end test of the viewer takes: start asyncviz in
/// the session's shell, step, go to the end, quit and check that the
/// terminal came back.
extension TmuxSession {
  /// A 100x30 session running `asyncviz demo NAME --model MODEL`, once the
  /// model's panels (`panels`, besides the ones every model shows) are on the
  /// screen with the header that names the model, and the rust executor's and
  /// reactor's are not. Returns the session and that first screen.
  static func demo(_ name: String, model: RuntimeModel, panels: [String]) throws -> (
    session: TmuxSession, first: String
  ) {
    try #require(isAvailable, "these tests need tmux: apt-get install -y tmux")
    let session = try TmuxSession(width: 100, height: 30)
    try session.launch("demo \(name) --model \(model)")
    // The task table is titled in the model's words.
    let table = [RuntimeModel.rust: "Tasks", .node: "Async calls", .go: "Goroutines", .threads: "Threads"][
      model]
    let titles = [table ?? "Tasks", "Source", "Narration"] + panels
    let first = try session.waitFor("the \(model) panels") { screen in
      titles.allSatisfy { screen.contains($0) }
    }
    #expect(first.contains("\(model), backend sim"))
    #expect(!first.contains("Executor") && !first.contains("Reactor"))
    return (session, first)
  }

  /// Types `asyncviz ARGS` into the shell, which writes "exit=STATUS" to
  /// exit.txt once asyncviz has ended.
  func launch(_ arguments: String) throws {
    try type("\(Self.asyncviz) \(arguments); echo \"exit=$?\" > exit.txt")
  }

  /// Presses n `times` times and returns the screen once it shows `step`
  /// and has settled.
  func stepForward(_ times: Int, to step: Int) throws -> String {
    for _ in 0..<times { try keys("n") }
    return try waitForSettled("step \(step)") { showsStep(step, $0) }
  }

  /// Goes to the end (G), waits for the completed run at `lastStep`, then
  /// quits cleanly.
  func finishAndQuit(lastStep: UInt32, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try keys("G")
    try waitFor("the end") { $0.contains("Run completed") && showsStep(Int(lastStep), $0) }
    try quitCleanly(sourceLocation: sourceLocation)
  }

  /// Quits with q and checks what the user is left with: asyncviz exited 0
  /// and the shell is back on the normal screen (the alternate screen is off).
  func quitCleanly(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try keys("q")
    #expect(try waitForFile("exit.txt") == "exit=0\n", sourceLocation: sourceLocation)
    #expect(try paneValue("#{alternate_on}") == "0", sourceLocation: sourceLocation)
  }
}
