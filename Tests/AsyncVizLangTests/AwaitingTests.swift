import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import AsyncVizTraceState
import Testing

// What a task is said to wait on comes from the future it is pending on now,
// never from a future that finished or was dropped earlier in the same poll.

/// Programs whose main ends pending on `join #3` (the `forever` task) after
/// something else in the same poll waited on another future and finished.
private let stalePrefixes: [(name: String, before: String)] = [
  ("a timeout drops a join handle", "let r = await timeout(10ms, a)"),
  ("a select drops a join handle", "let r = await select(a, sleep(10ms))"),
  ("a timeout drops a sleep", "let r = await timeout(10ms, sleep(1s))"),
  ("a join of a handle and a sleep", "let s = spawn slow()\n    let r = await join(s, sleep(5ms))"),
  ("a timeout of a join drops both", "let r = await timeout(10ms, join(a, sleep(1s)))"),
]

@Test(arguments: stalePrefixes.map(\.name))
func theNextAwaitIsNarratedAsWaitingOnItsOwnFuture(name: String) throws {
  let c = try #require(stalePrefixes.first { $0.name == name })
  let program = """
    async fn slow() {
        await sleep(50ms)
    }
    async fn forever() {
        await lost_waker()
    }
    async fn main() {
        let a = spawn slow()
        let b = spawn forever()
        \(c.before)
        await b
    }
    """
  let (trace, end) = try runText(program)
  #expect(end.reason == .stuck)
  let lastMainPollEnd = trace.events.last { e in
    if case .pollEnd(let task, _, _, _) = e.payload { return task == TaskID(1) }
    return false
  }
  guard case .pollEnd(_, .pending, let line, let awaiting) = lastMainPollEnd?.payload else {
    Issue.record("main did not end pending")
    return
  }
  #expect(awaiting == .joinHandle(TaskID(3)))
  #expect(awaiting.label(in: trace) == "join #3")  // the trace file's word
  #expect(awaiting.phrase(in: trace) == "JoinHandle #3")  // the words people read
  #expect(line == 11 || c.before.contains("\n"))
  let text = Transcript.render(trace)
  #expect(
    text.contains("#1 main: pending at line \(line) on JoinHandle #3, waiting for #3 forever"),
    "\(text.suffix(400))")
}
