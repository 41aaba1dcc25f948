import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import AsyncVizUI
import Foundation
import Testing

/// What the end-to-end tests run in tmux, and the same run as a trace to
/// compute what the screen must show.
struct EndToEndSubject {
  /// The shell command that starts the full-screen viewer.
  let command: String
  /// The run the viewer shows.
  let trace: Trace

  /// The built `asyncviz demo db-then-service`, next to this test bundle.
  static func current() -> EndToEndSubject {
    let binary = TmuxSession.asyncviz
    return EndToEndSubject(
      command: "\(binary) demo db-then-service", trace: DemoTraces.trace(named: "db-then-service"))
  }
}

/// Runs the subject in a shell that records the terminal's state once it exits.
func launch(_ subject: EndToEndSubject, in session: TmuxSession) throws {
  try session.type("\(subject.command); code=$?; stty -a > stty.txt; echo \"exit=$code\" > exit.txt")
}

/// Checks the terminal was given back: normal screen, echo and line editing on.
func expectRestored(_ session: TmuxSession, exitCode: Int) throws {
  let exit = try session.waitForFile("exit.txt")
  #expect(exit == "exit=\(exitCode)\n")
  #expect(try session.paneValue("#{alternate_on}") == "0")
  let stty = try String(contentsOf: session.directory.appendingPathComponent("stty.txt"), encoding: .utf8)
  let flags = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
  #expect(flags.contains("echo") && !flags.contains("-echo"), "echo is off after exit")
  #expect(flags.contains("icanon") && !flags.contains("-icanon"), "line mode is off after exit")
}

/// Whether the header says step `k` ("step k/n" replayed, "step k (live)" live).
func showsStep(_ k: Int, _ screen: String) -> Bool {
  screen.contains("step \(k)/") || screen.contains("step \(k) (live)")
}

private let panelTitles = ["Tasks", "Executor", "Reactor", "Source", "Narration", "Task #"]

/// The built viewer in tmux, as a user runs it. One at a time: each starts a
/// tmux server and a viewer on a shared 2-core machine.
// No `.enabled(if:)`: a missing tmux must fail the run, not skip it silently.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct TerminalEndToEndTests {
  @Test
  func fullScreenSessionStepsResizesExportsAndQuits() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let subject = EndToEndSubject.current()
    let history = TraceHistory(trace: subject.trace)
    let session = try TmuxSession(width: 100, height: 30)
    try launch(subject, in: session)
    try session.waitFor("every panel") { screen in panelTitles.allSatisfy { screen.contains($0) } }

    for _ in 0..<5 { try session.keys("n") }
    try session.waitFor("step 5") { showsStep(5, $0) }
    try session.keys("b", "Left")
    let screen = try session.waitForSettled("step 3") { showsStep(3, $0) }

    // The run queue and the interest list are those of the state at step 3.
    let state = history.state(atStep: 3)
    let queueLine = screen.split(separator: "\n").first { $0.contains("run queue") } ?? ""
    if let front = state.runQueue.elements.first {
      #expect(queueLine.contains(subject.trace.label(front)), "run queue: \(queueLine)")
    } else {
      #expect(queueLine.contains("(empty)"))
    }
    #expect(!state.reactor.interest.isEmpty)
    for registration in state.reactor.interest.prefix(3) {
      let entry =
        "fd \(registration.fd)".padding(toLength: 5, withPad: " ", startingAt: 0) + " read  "
        + subject.trace.label(registration.task)
      #expect(screen.contains(entry), "interest list lacks \(entry)")
    }

    try session.tmux(["resize-window", "-x", "60", "-y", "20"])
    try session.waitFor("the resize screen") { $0.contains("Resize to at least 100x30 (now 60x20)") }
    try session.tmux(["resize-window", "-x", "100", "-y", "30"])
    try session.waitFor("the view back at step 3") { screen in
      showsStep(3, screen) && panelTitles.allSatisfy { screen.contains($0) }
    }

    try session.keys("e")
    let exported = try session.waitForSettled("the export message") {
      $0.contains("Trace exported to ") || $0.contains("Export failed")
    }
    let line = exported.split(separator: "\n").first { $0.contains("Trace exported to ") } ?? ""
    #expect(!line.isEmpty, "export failed:\n\(exported)")
    let shown =
      line.components(separatedBy: "Trace exported to ").last?.trimmingCharacters(in: .whitespaces) ?? ""
    let path = shown.hasPrefix("/") ? shown : session.directory.appendingPathComponent(shown).path
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(!data.isEmpty)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(object?["format"] as? String == "asyncviz-trace")

    try session.keys("q")
    try expectRestored(session, exitCode: 0)
  }

  @Test
  func sigtermWhilePlayingRestoresTheTerminal() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let subject = EndToEndSubject.current()
    let session = try TmuxSession(width: 100, height: 30)
    try launch(subject, in: session)
    try session.waitFor("every panel") { screen in panelTitles.allSatisfy { screen.contains($0) } }
    try session.keys("Space", "+", "+")
    try session.waitFor("playing past step 1") { $0.contains("playing") && !showsStep(0, $0) }
    let shell = try session.paneValue("#{pane_pid}")
    let children = try TmuxSession.exec(["pgrep", "-P", shell])
    let pid = children.output.split(separator: "\n").first.map(String.init) ?? ""
    #expect(!pid.isEmpty, "no viewer process under the shell")
    _ = try TmuxSession.exec(["kill", "-TERM", pid])
    try expectRestored(session, exitCode: 128 + 15)
  }
}
