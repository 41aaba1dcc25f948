import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// The rules of tokio 1.24's current_thread scheduler that decide the order of
// polls (docs/decisions.md, "The rust model is tokio's current_thread").
// Each expectation below was checked against real tokio: the same program,
// translated to Rust, run on `#[tokio::main(flavor = "current_thread",
// start_paused = true)]`, prints the same lines and ends at the same time.

/// tokio's sleep fixes its deadline when called (Instant::now() + the
/// duration) and registers its timer at its first poll: made for 30 ms,
/// polled at 20 ms, it arms a timer for 30 ms; made for 20 ms, polled at
/// 30 ms, its deadline has passed and it is Ready with no timer.
@Test(arguments: [(made: 30, awaitedFirst: 20, timers: [20_000, 30_000]), (20, 30, [30_000])])
func sleepFixesItsDeadlineWhenCalled(made: Int, awaitedFirst: Int, timers: [Int64]) throws {
  let (trace, end) = try runText(
    """
    async fn main() {
        let s = sleep(\(made)ms)
        await sleep(\(awaitedFirst)ms)
        await s
        print("done")
    }
    """)
  #expect(trace.printedText == ["done"])
  #expect(end.tUs == 30_000)  // not 20 + 30: the deadline was fixed at the call
  let deadlines = trace.events.compactMap { e -> Int64? in
    if case .timerSet(_, let deadline, _) = e.payload { return deadline }
    return nil
  }
  #expect(deadlines == timers)
}

@Test func timeoutFixesItsDeadlineWhenCalled() throws {
  let (trace, end) = try runText(
    """
    resource db latency 10ms
    async fn main() {
        let t = timeout(20ms, db.query("x"))
        await sleep(20ms)
        let r = await t
        print("got {r}")
    }
    """)
  // At its first poll (20 ms) the deadline has passed: the query is sent,
  // Pending, then the deadline wins at once.
  #expect(trace.printedText == ["got none"])
  #expect(end.tUs == 20_000)
}

@Test func aSleepWhoseDeadlineHasPassedIsReadyAtItsFirstPoll() throws {
  let (trace, end) = try runText(
    """
    async fn other() {
        print("other")
    }
    async fn main() {
        let h = spawn other()
        await sleep(0ms)
        print("main")
        await h
    }
    """)
  #expect(trace.printedText == ["main", "other"])
  #expect(end.tUs == 0)
  #expect(!trace.events.contains { if case .timerSet = $0.payload { true } else { false } })
}

@Test func yieldNowComesBackAfterTheDriverTurn() throws {
  let (trace, end) = try runText(
    """
    async fn timer() {
        await sleep(5ms)
        print("timer")
    }
    async fn yielder() {
        block(10ms)
        await yield_now()
        print("yielder")
    }
    """ + MainFn.spawnsThenAwaits("timer", "yielder"))
  // The timer came due during the block; the driver turn that wakes the
  // deferred yielder wakes the timer task first.
  #expect(trace.printedText == ["timer", "yielder"])
  #expect(end.tUs == 10_000)
  let kinds = trace.events.map(\.payload.kindName)
  #expect(kinds.contains("defer"))
}

@Test func theDriverRunsEverySixtyOnePollsEvenWithAFullQueue() throws {
  let (trace, _) = try runText(
    """
    async fn timer() {
        await sleep(1ms)
        print("timer")
    }
    async fn spinner() {
        block(2ms)
        await self_wake(100)
        print("spinner")
    }
    """ + MainFn.spawnsThenAwaits("timer", "spinner"))
  #expect(trace.printedText == ["timer", "spinner"])
  // The first driver turn comes after 61 task polls (main's poll is not
  // counted): a wait with timeout 0 while the spinner is still queued.
  var taskPolls = 0
  for e in trace.events {
    if case .pollStart(let t) = e.payload, t != TaskID(1) { taskPolls += 1 }
    if case .reactorWait(let timeout) = e.payload {
      #expect(timeout == 0)
      #expect(taskPolls == 61)
      break
    }
  }
}

@Test func mainIsPolledOnlyWhenTheQueueHasDrained() throws {
  let (trace, _) = try runText(
    """
    async fn quick() {
        print("quick")
    }
    async fn spinner() {
        await self_wake(3)
        print("spinner")
    }
    async fn main() {
        let a = spawn quick()
        let b = spawn spinner()
        await a
        print("main")
        await b
    }
    """)
  // quick wakes main, but block_on looks at main only at the top of its
  // loop: the spinner's four polls come first.
  #expect(trace.printedText == ["quick", "spinner", "main"])
  let mainSchedules = trace.events.filter {
    if case .schedule(TaskID(1), _, let position) = $0.payload { return position == 0 }
    return false
  }
  #expect(mainSchedules.count == 2)  // at the start, and when quick finished
}

@Test func tasksAliveWhenMainReturnsAreDropped() throws {
  let (trace, end) = try runText(
    """
    async fn bg() {
        await sleep(10ms)
        print("bg")
    }
    async fn main() {
        spawn bg()
        await sleep(5ms)
        print("main")
    }
    """)
  #expect(trace.printedText == ["main"])
  #expect(end.reason == .completed)
  #expect(end.tUs == 5_000)
  let last = TraceReducer.finalState(of: trace)
  #expect(last.tasks.map(\.status) == [.done, .dropped])
  // Dropping bg's future gave back its timer.
  #expect(last.reactor.timers.isEmpty)
  #expect(trace.events.contains { $0.payload == .taskDrop(task: TaskID(2)) })
}

/// A program whose main makes the join handle `h` at line 5 (`let h =
/// spawn job()`) and then runs `rest`, written with main's indentation.
private func usingAJoinHandle(_ rest: String) -> String {
  """
  async fn job() {
      print("work")
  }
  async fn main() {
      let h = spawn job()
  \(rest)
  }
  """
}

@Test func aJoinHandleAwaitedTwiceIsAUseOfAMovedValue() throws {
  let d = try #require(
    diagnostic(
      usingAJoinHandle(
        """
            await h
            await h
        """)))
  #expect(d.line == 7 && d.column == 11)
  #expect(
    d.message
      == "use of moved value: `h` (value moved here: bad.av:6:11; awaiting a join handle consumes it, so its output can be taken only once)"
  )
  #expect(d.rendered.hasPrefix("bad.av:7:11: error: use of moved value: `h`"))
}

@Test func aJoinHandleMadeOutsideALoopCannotBeAwaitedInsideIt() throws {
  let d = try #require(
    diagnostic(
      usingAJoinHandle(
        """
            repeat 2 {
                await h
            }
        """)))
  #expect(d.line == 7)
  #expect(
    d.message.hasPrefix("use of moved value: `h` (value moved here, in the previous iteration of the loop"))
}

@Test func aJoinHandleMovedInOneBranchCannotBeUsedAfterTheIf() throws {
  let moved = diagnostic(
    usingAJoinHandle(
      """
          if 1 == 1 {
              await h
          }
          await h
      """))
  #expect(moved?.message.hasPrefix("use of moved value: `h` (value moved here: bad.av:7:15") == true)
  // One await in each branch is fine: only one of them runs.
  let branches = diagnostic(
    usingAJoinHandle(
      """
          if 1 == 1 {
              await h
          } else {
              let r = await join(h, sleep(1ms))
          }
      """))
  #expect(branches == nil)
}

@Test func joinStartsEachPollWithTheNextFuture() throws {
  let (trace, _) = try runText(
    """
    async fn a() {
        print("a before yield")
        await yield_now()
        print("a after yield")
    }
    async fn b() {
        print("b before yield")
        await yield_now()
        print("b after yield")
    }
    async fn main() {
        await join(a(), b())
    }
    """)
  // tokio's join! polls a first, then, on the next poll, b first.
  #expect(trace.printedText == ["a before yield", "b before yield", "b after yield", "a after yield"])
}
