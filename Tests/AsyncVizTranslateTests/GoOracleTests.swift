import AsyncVizTranslate
import Foundation
import Testing

/// The differential test against real Go: every demo, the regression corpus
/// and N generated programs (ASYNCVIZ_GO_PROGRAMS, default 300) translated
/// into one Go binary, each run in a process of its own with GOMAXPROCS=1,
/// and compared with asyncviz's run (`GoComparison`): printed lines in order,
/// end time within `GoComparison.slackUs`. ASYNCVIZ_ORACLE_SEED=N runs generated program N
/// alone and prints both sides. Needs Go (golang-go); without it the test is
/// skipped, except under CI=true.
///
/// asyncviz has no go model yet, so the model side is the rust model (the
/// only scheduler): the programs where Go's rules give another outcome are
/// listed, each with why, in GoExpectedMismatches.txt, which the test checks
/// both ways (a listed program that agrees fails, an unlisted one that
/// disagrees fails). The go model's job is to empty it.
@Suite(.serialized) struct GoOracleTests {
  static let driver = OracleDriver(
    runtime: "Go", testName: "GoOracleTests", listName: "GoExpectedMismatches.txt",
    seedVariable: "ASYNCVIZ_ORACLE_SEED", countVariable: "ASYNCVIZ_GO_PROGRAMS", defaultCount: 300)

  @Test func realGoAgreesWithTheModel() async throws {
    let driver = Self.driver
    guard let cases = try driver.casesIfAvailable(unavailableReason: GoRunner.unavailableReason()) else {
      return
    }
    var expected = ExpectedMismatches.load(from: driver.listFile)
    let listed = Set(expected.reasons.keys)
    // The model's side of each case, run once: the reruns of a late program compare with it too.
    let comparisons = cases.map { GoComparison($0.program) }
    let outcomes = try await OracleLock.exclusive { try Self.runOnGo(cases, comparisons, listed: listed) }
    let disagreeing = driver.compare(
      cases, models: comparisons.map(\.model), outcomes: outcomes, expected: &expected,
      heading: "Go (GOMAXPROCS=1)", agrees: { comparisons[$0].agrees(with: $1) },
      symptom: { _, model, go in
        MismatchSymptom.symptom(
          model: model, real: go, runtime: "Go", realStuck: "Go stopped it: all goroutines asleep")
      })
    // How much later Go ends than the model where both print the same lines: the margin the slack leaves.
    let lateness = zip(cases, comparisons).compactMap { c, comparison -> (us: Int64, name: String)? in
      guard let go = outcomes[c.name], case .finished(let a) = comparison.model.end,
        case .finished(let b) = go.end,
        comparison.model.lines == go.lines
      else { return nil }
      return (b - a, c.name)
    }.sorted { $0.us < $1.us }
    let median = lateness.isEmpty ? 0 : lateness[lateness.count / 2].us
    let latest = lateness.last.map { "\($0.us) us (\($0.name))" } ?? "-"
    print(
      "GoOracleTests: \(cases.count) programs, \(disagreeing.count) disagree with Go; Go's end minus the model's"
        + " (same lines): median \(median) us, max \(latest)")
    try driver.record(disagreeing, disagreeing: disagreeing.count, header: Self.header)
  }

  /// Writes, builds and runs the Go binary in .build/go-oracle (git-ignored).
  static func runOnGo(_ cases: [OracleCase], _ comparisons: [GoComparison], listed: Set<String>) throws
    -> [String: ProgramOutcome]
  {
    let project = GoProject(directory: OracleDriver.buildFolder("go-oracle"))
    try project.write(cases.map { ($0.name, $0.shape) })
    let runner = GoRunner(project: project, go: try #require(GoRunner.findGo()))
    let started = ContinuousClock.now
    try runner.build()
    let built = ContinuousClock.now
    var outcomes = try runner.run(cases.map(\.name))
    // Real time on a busy 2-core machine (the other tests, a cargo build, run
    // alongside) can be late by tens of milliseconds: a program whose verdict
    // is not the expected one (an unlisted program disagrees, a listed one
    // agrees) is run up to twice more, alone, a second apart, and the first
    // run with the expected verdict is kept. A rule difference gives its
    // verdict every time.
    for (c, comparison) in zip(cases, comparisons) {
      let expectAgreement = !listed.contains(c.name)
      for _ in 0..<2 {
        guard let outcome = outcomes[c.name],
          comparison.agrees(with: outcome) != expectAgreement
        else { break }
        Thread.sleep(forTimeInterval: 1)
        for (name, outcome) in try runner.run([c.name]) { outcomes[name] = outcome }
      }
    }
    print(
      "GoOracleTests: go build \(built - started), running \(cases.count) programs \(ContinuousClock.now - built)"
    )
    return outcomes
  }

  static let header = """
    # Programs whose asyncviz run disagrees with real Go (GOMAXPROCS=1) today. asyncviz has
    # no go model yet, so these are the rust model's outcomes where Go's rules differ: the
    # last goroutine started runs first (runnext), block() does not stop other goroutines,
    # join/select/timeout branches run on goroutines of their own and losers are not
    # cancelled, work() is preempted, main's return ends every goroutine. GoOracleTests fails
    # if a listed program agrees or an unlisted one disagrees; the go model empties the list.
    # ASYNCVIZ_RECORD=1 swift test --filter GoOracleTests rewrites it (and fails the run).

    """
}
