import Foundation
import Testing

// A run stopped in part by a run-time error or a run-time limit must not look
// like a success: the summary and the trace say "error", and the exit status is 1.

/// One program per kind of run-time error: each stops an async fn and lets the rest go on.
private let failingPrograms: [(name: String, source: String, printed: String)] = [
  (
    "poll budget", "async fn main() {\n    repeat 2000000 { let x = 1 }\n    print(\"after\")\n}\n",
    "this poll ran 1000000 instructions"
  ),
  (
    "depth limit", "async fn r(n) {\n    return await r(n)\n}\nasync fn main() {\n    await r(1)\n}\n",
    "nest more than 100 deep"
  ),
  (
    "future awaited twice",
    "async fn make() {\n    return sleep(1ms)\n}\nasync fn main() {\n    let both = await join(make(), make())\n    await both[0]\n    await both[0]\n}\n",
    "was already awaited"
  ),
  (
    "error in a spawned task, main finishes",
    "async fn busy() {\n    repeat 2000000 { let x = 1 }\n}\nasync fn main() {\n    let h = spawn busy()\n    await h\n    print(\"main done\")\n}\n",
    "this poll ran 1000000 instructions"
  ),
]

@Test(arguments: failingPrograms.map(\.name))
func aRunWithARunTimeErrorSaysSoAndExitsOne(name: String) throws {
  let case_ = try #require(failingPrograms.first { $0.name == name })
  let (dir, file) = try CLIRunner.program(case_.source, named: "failing.av")
  let kept = dir.appendingPathComponent("kept.json")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--export", kept.path])
  #expect(r.code == 1, "\(r.stderr)")
  #expect(r.stdout.contains(case_.printed), "\(r.stdout)")
  #expect(r.stdout.contains("end: error."))
  #expect(!r.stdout.contains("end: completed"))
  let trace = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: kept)) as? [String: Any])
  let end = try #require(trace["end"] as? [String: Any])
  #expect(end["reason"] as? String == "error")
  // The trace replays, and the replay tells the same ending.
  let replay = try CLIRunner.run(["replay", kept.path, "--plain"])
  #expect(replay.code == 1)
  #expect(replay.stdout.contains("end: error."))
  let exported = dir.appendingPathComponent("exported.json")
  let e = try CLIRunner.run(["export", file.path, "-o", exported.path])
  #expect(e.code == 1)
  #expect(e.stderr.contains("ended error"))
}

@Test func aRunWithoutErrorsStillCompletesWithExitZero() throws {
  let file = try CLIRunner.program(
    "async fn main() {\n    await sleep(1ms)\n    print(\"error: this is only text\")\n}\n", named: "fine.av"
  ).file
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 0)
  #expect(r.stdout.contains("end: completed."))
}
