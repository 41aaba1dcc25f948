import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Foundation
import Testing

@Suite struct NodeTranslatorTests {
  func translate(_ text: String) throws -> String { try NodeTranslator().translate(source: text) }

  @Test func aFutureMadeEarlyIsACallThatRunsAtOnce() throws {
    let js = try NodeTranslator().translate(demo: "lazy-future")
    // Node's async functions are eager: the call starts lookup's body before the next line.
    #expect(
      js.contains("  let later = lookup(\"ada\");\n  print(\"made the lookup; not awaiting it yet\");"))
    #expect(js.contains("  let row = await later;\n"))
    #expect(
      js.contains(
        "async function db_query(text) {\n  await sleep(30000);\n  return reply(\"db\", \"query\", text);"))
  }

  @Test func racesAndTimeoutsUseThePromiseHelpers() throws {
    let js = try translate(
      """
      resource slow latency 80ms
      async fn main() {
          let first = await select(slow.fetch("a", 1), sleep(50ms))
          let late = await timeout(30ms, slow.fetch("b"))
          let both = await join(yield_now(), lost_waker())
      }
      """)
    #expect(js.contains("let first = await select(slow_fetch(request(\"a\", 1)), sleep(50000));"))
    #expect(js.contains("let late = await timeout(30000, slow_fetch(\"b\"));"))
    #expect(js.contains("let both = await join(yieldNow(), lostWaker());"))
  }

  @Test func shadowedAndReservedNamesGetFreshNames() throws {
    let js = try translate(
      """
      async fn new(x) {
          let x = 1
          let x = "{x} 2"
          if x == "1 2" {
              let x = 5
              print(x)
          }
      }
      async fn main() {
          let x = 3
          await new(x)
          print("`${x}`\\\\")
      }
      """)
    #expect(js.contains("async function new_(x) {\n  let x_2 = 1;\n  let x_3 = `${show(x_2)} 2`;"))
    #expect(js.contains("if (eq(x_3, \"1 2\")) {\n    let x_4 = 5;\n    print(x_4);"))
    // A template literal: its backquotes, `${` and backslashes are escaped.
    #expect(js.contains("print(`\\`$${show(x)}\\`\\\\`);"))
  }

  /// The translation runs on real Node and prints the oracle's marker lines (the full
  /// comparison is NodeOracleTests).
  @Test func theStandaloneProgramRunsOnNode() throws {
    guard let node = NodeRunner.findNode() else { return }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "node-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let js = try NodeTranslator().translate(demo: "lazy-future")
    try Data(js.utf8).write(to: dir.appendingPathComponent("oracle.js"))
    let runs = try NodeRunner(directory: dir, node: node).run(["lazy-future"])
    let run = try #require(runs["lazy-future"])
    #expect(
      run.outcome.lines == [
        "lookup(ada) starts running now", "made the lookup; not awaiting it yet",
        "50 ms later, now awaiting it",
        "got db.query(name = ada)",
      ])
    // The query left at 0 ms and was answered at 30, before main's 50 ms sleep ended.
    #expect(run.idealEndUs == 50_000)
  }
}
