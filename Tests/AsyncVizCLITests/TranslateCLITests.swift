import Foundation
import Testing

@Suite struct TranslateCLITests {
  /// A demo, the runtime to write it for, and lines its translation must hold.
  static let demoTranslations: [(demo: String, to: String, expected: [String])] = [
    (
      "db-then-service", "rust",
      [
        "#[tokio::main(flavor = \"current_thread\", start_paused = true)]",
        "async fn handler(id: Value) -> Value {",
      ]
    ),
    ("lazy-future", "node", ["async function lookup(name) {", "run(\"lazy-future\", av_main, printNow);"]),
    ("db-then-service", "go", ["package main", "func handler(id Value) Value {"]),
  ]

  @Test(arguments: demoTranslations.indices)
  func printsADemoForEachRuntime(index: Int) throws {
    let (demo, to, expected) = Self.demoTranslations[index]
    let result = try CLIRunner.run(["translate", demo, "--to", to])
    #expect(result.code == 0)
    for line in expected { #expect(result.stdout.contains(line), "\(demo) --to \(to): \(line)") }
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
