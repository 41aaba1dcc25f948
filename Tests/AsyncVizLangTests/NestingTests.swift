import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

// However a program nests its futures (awaited calls, join, select, timeout,
// futures handed to calls), a poll never nests deeper than the depth limit:
// the stack cannot overflow, and the run ends with an error line instead.
// These run on a test thread, whose stack is smaller than the main thread's.

/// `inner` wrapped `count` times in `wrapper` (`join(`, `select(`, `timeout(1s, `).
private func wrapped(_ inner: String, _ wrapper: String, _ count: Int) -> String {
  String(repeating: wrapper, count: count) + inner + String(repeating: ")", count: count)
}

/// Recursion under `count` wrappers of each kind: each level of the
/// recursion adds `count` nested polls.
private let recursions: [(wrapper: String, count: Int)] = [
  ("join(", 1), ("join(", 20), ("join(", 80), ("select(", 80), ("timeout(1s, ", 80),
  ("join(sleep(1ms), ", 50),
]

@Test(arguments: recursions.indices)
func recursionUnderWrappersStopsAtTheDepthLimit(_ index: Int) throws {
  let (wrapper, count) = recursions[index]
  let (trace, end) = try runText(
    """
    async fn r() {
        await \(wrapped("r()", wrapper, count))
    }
    async fn main() {
        await r()
        print("main goes on")
    }
    """)
  #expect(end.reason == .error)
  let text = trace.printedText
  #expect(
    text.first?.contains("futures nest more than 100 deep inside one poll") == true, "\(text.prefix(2))")
  #expect(text.last == "main goes on")
}

/// Futures made taller than the limit without polling them: a chain of
/// lets, calls given a future, lists carrying futures. Each is refused when
/// made (freeing or cancelling it would recurse once per level too).
private let tallChains: [String] = [
  // join of join of ... by 150 lets.
  "async fn main() {\n    let f0 = sleep(1ms)\n"
    + (1...150).map { "    let f\($0) = join(f\($0 - 1))\n" }.joined() + "    await f150\n}\n",
  // A call handed the previous future, 150 times.
  "async fn wrap(f) {\n    await f\n}\nasync fn main() {\n    let f0 = sleep(1ms)\n"
    + (1...150).map { "    let f\($0) = wrap(f\($0 - 1))\n" }.joined() + "    await f150\n}\n",
  // A timeout of a timeout of ..., mixed with select.
  "async fn main() {\n    let f0 = sleep(1ms)\n"
    + (1...150).map { "    let f\($0) = \($0 % 2 == 0 ? "timeout(1s, " : "select(")f\($0 - 1))\n" }.joined()
    + "    await f150\n}\n",
  // Futures carried in a list that join gives back, handed on to calls.
  "async fn make(f) {\n    return wrap(f)\n}\nasync fn wrap(f) {\n    await f[0]\n}\nasync fn main() {\n"
    + "    let l0 = await join(make(sleep(1ms)))\n"
    + (1...150).map { "    let l\($0) = await join(make(l\($0 - 1)))\n" }.joined() + "    await l150[0]\n}\n",
]

@Test(arguments: tallChains.indices)
func aFutureTallerThanTheLimitIsRefusedWhenMade(_ index: Int) throws {
  let (trace, end) = try runText(tallChains[index])
  #expect(end.reason == .error)
  let text = trace.printedText
  #expect(text.contains { $0.contains("nested more than 100 deep") }, "\(text.prefix(2))")
}

@Test(arguments: [1, 7, 100, 1000])
func theLimitFollowsMaxDepth(_ depth: Int) throws {
  let program = try compile(
    "async fn r() {\n    await join(r())\n}\nasync fn main() {\n    await r()\n    print(\"on\")\n}\n")
  let runtime = program.makeRuntime(
    backend: SimBackend(), options: RuntimeOptions(), limits: Limits(maxCallDepth: depth))
  #expect(runtime.run().reason == .error)
  // On a test thread (a smaller stack than the main thread's), in a debug
  // build, 1,000 levels may not fit: the stack guard then stops the fn first.
  let first = runtime.trace.printedText.first ?? ""
  #expect(first.contains("more than \(depth) deep") || first.contains("stack is nearly full"), "\(first)")
  #expect(runtime.trace.printedText.last == "on")
}

// Polls of futures count against the run's instruction budget, so a task
// that its own futures keep waking does bounded work, as a loop does.

private let wakeStorms: [String] = [
  "async fn main() {\n    await join("
    + Array(repeating: "self_wake(1000000000)", count: 300).joined(separator: ", ")
    + ")\n}\n",
  "async fn main() {\n    await select("
    + Array(repeating: "self_wake(1000000000)", count: 300).joined(separator: ", ")
    + ", sleep(3600s))\n}\n",
  "async fn spin() {\n    await join(self_wake(1000000000), self_wake(1000000000))\n}\n"
    + "async fn main() {\n    repeat 200 {\n        spawn spin()\n    }\n    await spin()\n}\n",
  "async fn main() {\n    await timeout(3600s, join("
    + Array(repeating: "yield_now()", count: 50).joined(separator: ", ")
    + ", self_wake(1000000000)))\n}\n",
]

@Test(arguments: wakeStorms.indices)
func futurePollsAreBoundedByTheRunsBudget(_ index: Int) throws {
  let program = try compile(wakeStorms[index])
  let runtime = program.makeRuntime(
    backend: SimBackend(), options: RuntimeOptions(maxSteps: 10_000_000),
    limits: Limits(instructionsPerRun: 200_000))
  let end = runtime.run()
  #expect(end.reason == .error)
  #expect(runtime.trace.printedText.first?.contains("the run has executed 200000 instructions") == true)
  // Each poll of a future records at most a handful of events; the budget
  // of 200,000 therefore bounds the trace whatever the program.
  #expect(runtime.trace.events.count < 6 * 200_000, "\(runtime.trace.events.count) events")
}
