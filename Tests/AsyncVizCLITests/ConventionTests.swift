import Foundation
import Testing

@testable import AsyncVizCLI

// The command-line conventions a Unix user expects: --version, NO_COLOR,
// shell completions, and `demo` with no name teaching what to type next.

@Test func versionPrintsTheVersion() throws {
  let r = try CLIRunner.run(["--version"])
  #expect(r.code == 0)
  #expect(r.stdout == AsyncVizVersion.current + "\n")
}

@Test func demoWithNoNameListsTheDemos() throws {
  let r = try CLIRunner.run(["demo"])
  #expect(r.code == 0)
  #expect(r.stdout.contains("asyncviz demo NAME"))
  for name in demoNames {
    #expect(r.stdout.contains("\n" + name + " "), "missing \(name)")
  }
}

@Test func noColorFollowsTheFlagAndTheEnvironment() throws {
  let plain = try DisplayOptions.parse([])
  #expect(plain.wantsColor(environment: [:]))
  // no-color.org: set and not empty disables colour; empty does not count.
  #expect(plain.wantsColor(environment: ["NO_COLOR": ""]))
  #expect(!plain.wantsColor(environment: ["NO_COLOR": "1"]))
  #expect(!plain.wantsColor(environment: ["NO_COLOR": "no"]))
  let flagged = try DisplayOptions.parse(["--no-color"])
  #expect(!flagged.wantsColor(environment: [:]))
}

@Test func completionScriptsNameTheCommands() throws {
  for shell in ["bash", "zsh", "fish"] {
    let r = try CLIRunner.run(["--generate-completion-script", shell])
    #expect(r.code == 0, "\(shell): \(r.stderr)")
    #expect(r.stdout.contains("replay"), "\(shell) script lacks the replay command")
    #expect(r.stdout.contains("no-color"), "\(shell) script lacks --no-color")
  }
}
