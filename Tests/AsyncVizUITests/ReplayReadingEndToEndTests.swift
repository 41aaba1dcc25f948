import Foundation
import Testing

/// A program whose trace is several of the view's reading slices long
/// (about 63,000 events, 15 MB, today): `replay` opens on its first steps and
/// reads the rest between keys.
private let longProgram = """
  async fn worker(id) {
      for i in 0..40 {
          await yield_now()
      }
  }

  async fn main() {
      for i in 0..400 {
          spawn worker(i)
      }
      for i in 0..200 {
          await yield_now()
      }
  }

  """

/// `asyncviz replay` of a big file in tmux: the view opens before the file
/// is read to its end, and a problem only the end shows closes it.
@Suite(.serialized, .timeLimit(.minutes(3)))
struct ReplayReadingEndToEndTests {
  @Test
  func aProblemLateInTheFileClosesTheViewRestoresTheTerminalAndExits2() throws {
    try #require(TmuxSession.isAvailable, "these tests need tmux: apt-get install -y tmux")
    let session = try TmuxSession(width: 120, height: 35)
    try longProgram.write(
      to: session.directory.appendingPathComponent("long.av"), atomically: true, encoding: .utf8)
    let binary = TmuxSession.asyncviz
    // The valid file, and a copy whose "end" names the wrong step count.
    try session.type(
      "\(binary) export long.av -o long.json 2> made.txt; "
        + #"sed 's/^"end":{"reason":"completed","steps":[0-9]*/"end":{"reason":"completed","steps":7/' "#
        + "long.json > bad.json; clear")
    let made = try session.waitForFile("made.txt", seconds: 90)
    #expect(made.contains("ended completed"), "export: \(made)")

    // The valid file opens, G reads it to its end, q quits with 0.
    try session.type(
      "\(binary) replay long.json; code=$?; stty -a > stty.txt; echo \"exit=$code\" > exit.txt")
    try session.waitFor("the view") { $0.contains("step 0/") }
    try session.keys("G")
    try session.waitFor("the last step, read and checked") {
      $0.contains("Run completed") && !$0.contains("reading...")
    }
    try session.keys("q")
    try expectRestored(session, exitCode: 0)

    // The broken one: the view opens, reading finds the problem, the terminal comes back with it.
    try FileManager.default.removeItem(at: session.directory.appendingPathComponent("exit.txt"))
    try session.type(
      "clear; \(binary) replay bad.json; code=$?; stty -a > stty.txt; echo \"exit=$code\" > exit.txt")
    try expectRestored(session, exitCode: 2)
    let screen = try session.screen()
    #expect(
      screen.contains("bad.json: error: \"end\" says 7 steps, but the last event is in step"), "\(screen)")
  }
}
