import AsyncVizRuntime
import AsyncVizTrace
import Testing

/// `SplitTurns` on sim traces, where the split is made on purpose: the same
/// program with equal latencies (answers in one reactor turn) and with
/// latencies 1 ms apart (two turns) must normalise to the same events, and
/// programs that really differ must not.
struct SplitTurnsTests {
  static let db = ResourceSpec(name: "db", latencyUs: 25_000)
  static let dbLater = ResourceSpec(name: "db", latencyUs: 26_000)

  static func events(_ steps: [Step]) -> LogicalEvents {
    LogicalEvents(Scenarios.run("split", steps, on: SimBackend()))
  }

  /// The blocking reactor waits (the turns before block_on polls a woken
  /// main again do not wait: timeout 0).
  static func waits(_ steps: [Step]) -> Int {
    Scenarios.run("split", steps, on: SimBackend()).events.filter {
      if case .reactorWait(let timeout) = $0.payload { timeout != 0 } else { false }
    }.count
  }

  @Test func aJoinAnsweredInTwoTurnsEqualsOneAnsweredInOne() {
    let together: [Step] = [.join([Self.db, Self.db]), .print("joined: ")]
    let split: [Step] = [.join([Self.db, Self.dbLater]), .print("joined: ")]
    #expect(Self.waits(split) == Self.waits(together) + 1)  // really split
    #expect(Self.events(together) == Self.events(split))
  }

  @Test func handlesOfTasksFinishingInTwoTurnsEqualOneTurn() {
    let together: [Step] = [
      .spawn("a", [.call(Self.db, op: "q")]), .spawn("b", [.call(Self.db, op: "q")]), .awaitSpawned,
    ]
    let split: [Step] = [
      .spawn("a", [.call(Self.db, op: "q")]), .spawn("b", [.call(Self.dbLater, op: "q")]), .awaitSpawned,
    ]
    #expect(Self.waits(split) == Self.waits(together) + 1)
    #expect(Self.events(together) == Self.events(split))
  }

  @Test func aTaskWokenByTwoFdsStillDiffersFromOneWokenByOne() {
    let two: [Step] = [.join([Self.db, Self.db]), .print("joined: ")]
    let one: [Step] = [.join([Self.db]), .print("joined: ")]
    #expect(Self.events(two) != Self.events(one))
  }

  @Test func aRePollThatDoesSomethingIsKept() {
    // Woken by the first answer, the task prints before awaiting the second:
    // not idle, so one call after another differs from a join of both.
    let sequential: [Step] = [.call(Self.db, op: "get"), .print("a: "), .call(Self.db, op: "get")]
    let joined: [Step] = [.join([Self.db, Self.dbLater]), .print("a: ")]
    #expect(Self.events(sequential) != Self.events(joined))
    // A task that awaits a handle, then sleeps, is not a join waiter.
    let sleeps: [Step] = [.spawn("a", [.call(Self.db, op: "q")]), .awaitSpawned, .sleep(1_000)]
    let awaitsOnly: [Step] = [.spawn("a", [.call(Self.db, op: "q")]), .awaitSpawned]
    #expect(Self.events(sleeps) != Self.events(awaitsOnly))
  }
}
