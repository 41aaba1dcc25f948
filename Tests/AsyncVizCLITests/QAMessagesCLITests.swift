import AsyncVizTrace
import Foundation
import Testing

// Command-line messages a QA pass found unclear: the models `compare --help`
// lists, `--set` past the 64-bit range, a folder that takes no new file, and
// `-o -`.

@Test func compareHelpListsEveryModel() throws {
  let help = try CLIRunner.expectSuccess(["compare", "--help"]).stdout
  let every = RuntimeModel.allCases.map(\.rawValue).joined(separator: ",")
  #expect(help.contains("--models <\(every)>"), "\(help)")
  #expect(every.contains("go"))
}

@Test func aSetValuePastEveryWholeNumberIsOutOfRange() throws {
  for value in ["99999999999999999999", "-99999999999999999999", "1000001"] {
    try CLIRunner.expectRefusal(
      ["demo", "many-requests", "--plain", "--set", "requests=\(value)"],
      saying: "--set requests=\(value): the value must be from 0 to 1000000")
  }
  try CLIRunner.expectRefusal(
    ["demo", "many-requests", "--plain", "--set", "requests=1e5"], saying: "a constant is a whole number")
}

@Test func aFolderThatTakesNoNewFileIsSaidSo() throws {
  let r = try CLIRunner.run(["export", "timers", "-o", "/proc/version"])
  #expect(r.code == 2)
  #expect(
    r.stderr.contains("/proc/version: error: cannot write the trace: the folder /proc cannot hold a new file")
  )
  #expect(!r.stderr.contains("temporary"), "\(r.stderr)")
}

@Test func exportToDashWritesStandardOutput() throws {
  let dir = try CLIRunner.temporaryDirectory()
  let r = try CLIRunner.run(["export", "timers", "-o", "-"], in: dir)
  #expect(r.code == 0, "\(r.stderr)")
  let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
  #expect(json?["format"] as? String == "asyncviz-trace")
  #expect(r.stderr.hasPrefix("wrote standard output: "), "\(r.stderr)")
  #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
}

@Test func exportOptionDashIsRefusedWhereStandardOutputShowsTheRun() throws {
  for command in [["demo", "timers", "--plain"], ["replay", "x.json", "--plain"]] {
    try CLIRunner.expectRefusal(
      command + ["--export", "-"], saying: "--export -: standard output shows the run")
  }
}
