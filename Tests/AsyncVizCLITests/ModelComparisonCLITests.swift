import Foundation
import Testing

// The "compared with rust" footer under node, go and threads: rust runs with
// the limits the user gave, so the footer says what `--model rust` says.

/// A main that spawns itself and awaits the copy: it ends only at a limit.
private let selfSpawning = "async fn main() {\n    let h = spawn main()\n    await h\n}\n"

@Test func theFootersRustRunStopsAtTheUsersStepLimit() throws {
  let (_, file) = try CLIRunner.program(selfSpawning)
  let rust = try CLIRunner.run(["run", file.path, "--plain", "--max-steps", "300"])
  #expect(rust.code == 1)
  #expect(rust.stdout.contains("max-steps"))
  for model in ["node", "go", "threads"] {
    let r = try CLIRunner.run(["run", file.path, "--plain", "--model", model, "--max-steps", "300"])
    let footer = try #require(r.stdout.components(separatedBy: "compared with rust").last)
    #expect(footer.contains("under rust the run fails (max-steps)"), "\(model): \(footer)")
  }
}

@Test func theFootersRustRunKeepsTheUsersLimits() throws {
  let (_, file) = try CLIRunner.program("async fn main() {\n    print(\"a\")\n    print(\"b\")\n}\n")
  let rust = try CLIRunner.run(["run", file.path, "--plain", "--max-output", "1"])
  #expect(rust.code == 1)
  let node = try CLIRunner.run(["run", file.path, "--plain", "--model", "node", "--max-output", "1"])
  let footer = try #require(node.stdout.components(separatedBy: "compared with rust").last)
  #expect(footer.contains("under rust the run fails (a run-time error)"), "\(footer)")
  #expect(footer.contains("the output is the same, line for line"), "\(footer)")
}

/// An async fn that calls itself: every model stops it at the depth limit
/// (the CLI tests' one program for that limit).
let endlessRecursion = "async fn f() {\n    await f()\n}\nasync fn main() {\n    await f()\n}\n"

@Test func aRunThatEndsInAnErrorHasNoMainReturnTime() throws {
  let (_, file) = try CLIRunner.program(endlessRecursion)
  let json = try CLIRunner.expectSuccess(["compare", file.path, "--format", "json"])
  let document = try #require(
    try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
  let models = try #require(document["models"] as? [[String: Any]])
  #expect(models.count == 4)
  for model in models {
    #expect(model["end"] as? String == "error")
    #expect(model["main_end_us"] is NSNull, "\(model["model"] ?? "?"): \(model["main_end_us"] ?? "?")")
  }
  let text = try CLIRunner.expectSuccess(["compare", file.path]).stdout
  let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("main returns at") })
  #expect(row.split(separator: " ").dropFirst(3) == ["error", "error", "error", "error"])
  #expect(text.contains("the run ends in an error, so main does not return"))
  #expect(!text.contains("main returns first"))
  let node = try CLIRunner.run(["run", file.path, "--plain", "--model", "node"])
  #expect(node.stdout.contains("main does not return under node (the run ends in an error)"))
  #expect(!node.stdout.contains("main returns at"))
}
