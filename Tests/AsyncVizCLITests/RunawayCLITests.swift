import AsyncVizTestPrograms
import Foundation
import Testing

// Runaway programs end cleanly, within their limits. Each run is bounded by
// construction: the limit under test stops it after a fixed amount of work,
// so no test needs a timer.

/// Writes `text` as a program in a fresh folder.
private func program(_ text: String) throws -> (dir: URL, file: URL) {
  try CLIRunner.program(text, named: "runaway.av")
}

/// The exported trace, parsed by Foundation.
private func trace(_ url: URL) throws -> [String: Any] {
  try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
}

/// The program's printed lines in an exported trace (output events).
private func printed(_ trace: [String: Any]) -> [String] {
  (trace["events"] as? [[String: Any]] ?? []).compactMap { e in
    e["kind"] as? String == "output" ? e["text"] as? String : nil
  }
}

private let endlessAwaits = """
  async fn main() {
      repeat 1000000000 {
          await yield_now()
      }
  }
  """

@Test func anEndlessLoopOfAwaitsStopsAtMaxStepsAndKeepsTheTrace() throws {
  let (dir, file) = try program(endlessAwaits)
  let kept = dir.appendingPathComponent("kept.json")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--max-steps", "300", "--export", kept.path])
  #expect(r.code == 1)
  #expect(r.stdout.contains("end: max-steps"))
  let end = try #require(try trace(kept)["end"] as? [String: Any])
  #expect(end["reason"] as? String == "max-steps")
  #expect(end["steps"] as? Int == 300)

  let exported = dir.appendingPathComponent("exported.json")
  let e = try CLIRunner.run(["export", file.path, "-o", exported.path, "--max-steps", "300"])
  #expect(e.code == 1)
  #expect(e.stderr.contains("ended max-steps"))
  #expect(try Data(contentsOf: exported) == Data(contentsOf: kept))
}

@Test func aBusyLoopInsideOnePollIsCutOffByThePollBudget() throws {
  let (dir, file) = try program(SharedSources.busyLoop)
  let out = dir.appendingPathComponent("trace.json")
  let r = try CLIRunner.run(["run", file.path, "--plain", "--export", out.path])
  #expect(r.code == 1)
  let message = "error: line 3: this poll ran 1000000 instructions without reaching an await that waits"
  #expect(r.stdout.contains(message))
  #expect(r.stdout.contains("--poll-budget"))
  #expect(!r.stdout.contains("prints: never"))
  let lines = printed(try trace(out))
  #expect(lines.count == 2)
  #expect(lines.first?.hasPrefix(message) == true)
  #expect(lines.last == "main goes on")

  let small = try CLIRunner.run(["run", file.path, "--plain", "--poll-budget", "1000"])
  #expect(small.stdout.contains("this poll ran 1000 instructions"))
}

@Test func manyBusyTasksStopAtTheRunsInstructionBudget() throws {
  let (_, file) = try program(
    """
    async fn spin() {
        repeat 1000000000 {
            print("x")
        }
    }
    async fn main() {
        repeat 100 {
            spawn spin()
        }
        await sleep(1s)
    }
    """)
  let r = try CLIRunner.run([
    "run", file.path, "--plain", "--poll-budget", "3000", "--max-instructions", "30000",
  ])
  #expect(r.code == 1)
  #expect(r.stdout.contains("the run has executed 30000 instructions, its limit"))
  #expect(r.stdout.contains("end: error"))
}

@Test func endlessRecursionIsRefusedPastTheDepthLimit() throws {
  let (_, file) = try program(
    """
    async fn down() {
        await down()
    }
    async fn main() {
        await down()
        print("main goes on")
    }
    """)
  let r = try CLIRunner.run(["run", file.path, "--plain"])
  #expect(r.code == 1)
  #expect(r.stdout.contains("error: line 2: futures nest more than 100 deep inside one poll"))
  #expect(r.stdout.contains("main goes on"))
  let shallow = try CLIRunner.run(["run", file.path, "--plain", "--max-depth", "7"])
  #expect(shallow.stdout.contains("nest more than 7 deep"))
}

@Test func spawningWithoutBoundStopsAtTheTaskLimit() throws {
  let (dir, file) = try program(SharedSources.endlessSpawner)
  let out = dir.appendingPathComponent("trace.json")
  let r = try CLIRunner.run(["export", file.path, "-o", out.path, "--max-tasks", "50"])
  #expect(r.code == 1, "\(r.stderr)")
  let t = try trace(out)
  #expect((t["tasks"] as? [Any])?.count == 50)
  #expect(
    printed(t) == [
      "error: line 6: spawn refused: 50 tasks are alive, the limit (change it with --max-tasks); main stops here"
    ])
}

@Test(arguments: [
  ["--max-tasks", "0"], ["--poll-budget", "0"], ["--max-depth", "0"], ["--max-depth", "100000"],
  ["--max-instructions", "-1"], ["--max-text", "0"],
])
func aLimitOutOfRangeIsBadUsage(flags: [String]) throws {
  let r = try CLIRunner.run(["demo", "timers", "--plain"] + flags)
  #expect(r.code == 2)
  #expect(r.stderr.contains(flags[0]), "\(r.stderr)")
  #expect(r.stdout.isEmpty)
}
