import Foundation
import Testing

@Suite struct TranslateCLITests {
  @Test func printsTheHeadlineDemoAsATokioProgram() throws {
    let result = try CLIRunner.run(["translate", "db-then-service", "--to", "rust"])
    #expect(result.code == 0)
    #expect(result.stdout.contains("#[tokio::main(flavor = \"current_thread\", start_paused = true)]"))
    #expect(result.stdout.contains("async fn handler(id: Value) -> Value {"))
    #expect(result.stderr.isEmpty)
  }

  @Test func printsALessonDemoAsANodeProgram() throws {
    let result = try CLIRunner.run(["translate", "lazy-future", "--to", "node"])
    #expect(result.code == 0)
    #expect(result.stdout.contains("async function lookup(name) {"))
    #expect(result.stdout.contains("run(\"lazy-future\", av_main, printNow);"))
    #expect(result.stderr.isEmpty)
  }

  @Test func printsTheHeadlineDemoAsAGoProgram() throws {
    let result = try CLIRunner.run(["translate", "db-then-service", "--to", "go"])
    #expect(result.code == 0)
    #expect(result.stdout.contains("package main"))
    #expect(result.stdout.contains("func handler(id Value) Value {"))
    #expect(result.stderr.isEmpty)
  }

  @Test func badInputExitsTwoWithAMessage() throws {
    let dir = try CLIRunner.temporaryDirectory()
    let broken = dir.appendingPathComponent("broken.av")
    try Data("async fn main() {\n    print(x)\n}\n".utf8).write(to: broken)
    let untranslatable = dir.appendingPathComponent("handle.av")
    try Data("async fn f() {\n}\nasync fn main() {\n    let h = spawn f()\n    print(\"{h}\")\n}\n".utf8)
      .write(to: untranslatable)
    let cases: [([String], String)] = [
      (["translate", "nosuch", "--to", "rust"], "unknown demo 'nosuch'"),
      (["translate", "db-then-service", "--to", "cobol"], "'cobol' is invalid for '--to"),
      (["translate", broken.path, "--to", "rust"], "broken.av:2:11: error: unknown name `x`"),
      (
        ["translate", untranslatable.path, "--to", "rust"], "handle.av:5:13: error: cannot translate to rust"
      ),
    ]
    for (arguments, message) in cases {
      let result = try CLIRunner.run(arguments)
      #expect(result.code == 2, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
  }
}
