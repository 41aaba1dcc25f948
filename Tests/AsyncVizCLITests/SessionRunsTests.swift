import AsyncVizTrace
import AsyncVizUI
import Foundation
import Testing

@testable import AsyncVizCLI

// What the full-screen view's m and c get from the command line: a new run
// of the same program under another model (the previous one let go), and
// the compare table, the same facts `asyncviz compare` prints.

private func dbThenService(_ arguments: [String] = []) throws -> SessionRuns {
  let program = try ProgramLoader.compile(try ProgramLoader.demo(named: "db-then-service").0)
  return try SessionRuns(program: program, options: try RunOptions.parse(arguments))
}

@Test func aSwitchStartsTheProgramAgainUnderTheModelAndLetsTheOldRunGo() throws {
  let runs = try dbThenService()
  #expect(runs.access == .rerun)
  weak let first = runs.shown
  #expect(first?.trace.program.model == .rust)
  while runs.shown.advance() {}
  let node = try runs.run(under: .node).get()
  #expect(first == nil, "the rust run is freed once the view lets go of it")
  #expect(node.trace.program.model == .node && node.isLive)
  #expect(node.trace.stepCount == 0, "the new run starts at its first step")
  #expect(runs.current === node)
  for model in RuntimeModel.allCases {
    let feed = try runs.run(under: model).get()
    while feed.advance() {}
    #expect(feed.trace.program.model == model && feed.trace.end?.reason == .completed)
  }
}

@Test func aRealRunComparesButDoesNotSwitch() throws {
  let runs = try dbThenService(["--backend", "epoll"])
  guard case .compareOnly(let why) = runs.access else {
    Issue.record("an epoll run offers switching: \(runs.access)")
    return
  }
  #expect(why.contains("sim backend only") && why.contains("rust's real run"))
  #expect(throws: ModelRunFailure.self) { try runs.run(under: .node).get() }
  #expect(runs.shown.trace.program.backend == .epoll, "the real run stays")
}

@Test func aRealRunHasEndedBeforeTheViewStepsThroughIt() throws {
  // The time between the learner's keys is not the program's: the run is
  // over, at its own end time, before the first key.
  for model: RuntimeModel in [.rust, .node, .threads] {
    let runs = try dbThenService(["--backend", "epoll", "--model", model.rawValue])
    #expect(!runs.shown.isLive, "\(model)")
    let end = try #require(runs.shown.trace.end, "\(model)")
    #expect(end.reason == .completed)
    // db answers in 40 ms, svc in 25 ms: a few ms of scheduling more, not a pause's seconds.
    #expect(end.tUs >= 65_000 && end.tUs < 1_000_000, "\(model): \(end.tUs) us")
  }
  #expect(try dbThenService().shown.isLive, "a sim run is stepped live")
}

@Test func theViewsCompareTableIsCompareCommandsOnceComputed() throws {
  let runs = try dbThenService(["--model", "threads", "--cpus", "3"])
  #expect(runs.table == nil, "nothing is compared before c")
  let table = try runs.compareTable().get()
  #expect(runs.table == table)
  #expect(try runs.compareTable().get() == table)
  #expect(table.models == RuntimeModel.allCases)
  #expect(table.title == "db-then-service (sim backend, virtual time; threads on 3 CPUs)")
  // Every cell as `asyncviz compare --cpus 3` prints it.
  let printed = try CLIRunner.run(["compare", "db-then-service", "--cpus", "3"])
  #expect(printed.code == 0)
  let lines = printed.stdout.split(separator: "\n").map(String.init)
  for row in table.rows {
    let line = try #require(lines.first { $0.hasPrefix(row.label + " ") }, "\(row.label)")
    let cells = line.dropFirst(row.label.count).split(separator: "   ", omittingEmptySubsequences: true)
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    #expect(cells == row.cells, "\(row.label)")
  }
  #expect(printed.stdout.contains(table.summary))
}
