import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTestPrograms
import AsyncVizTrace
import Testing

// How the run-time limits count (docs/language.md, "Limits").

/// Runs `text` with `limits` and returns the lines it printed.
private func printed(_ text: String, _ limits: Limits, options: RuntimeOptions = RuntimeOptions()) throws
  -> (lines: [String], end: RunEnd)
{
  let runtime = try compile(text).makeRuntime(backend: SimBackend(), options: options, limits: limits)
  let end = runtime.run()
  return (runtime.trace.printedText, end)
}

@Test func thePollBudgetStartsAfreshAtEveryPollOfTheTask() throws {
  // About 600 instructions between awaits that wait, ten times: never 1,000 in one poll.
  let (lines, end) = try printed(
    """
    async fn main() {
        repeat 10 {
            repeat 120 {
                work(1us)
            }
            await yield_now()
        }
        print("finished")
    }
    """, Limits(instructionsPerPoll: 1_000))
  #expect(end.reason == .completed)
  #expect(lines == ["finished"])
}

@Test func framesAwaitedInlineShareTheirTasksPollBudget() throws {
  // Each call of `chunk` runs about 600 instructions and is ready at once, so
  // two of them in one poll pass a budget of 1,000 that each alone would not.
  let (lines, _) = try printed(
    """
    async fn chunk() {
        repeat 120 {
            work(1us)
        }
    }
    async fn main() {
        await chunk()
        print("one chunk")
        await chunk()
        print("two chunks")
    }
    """, Limits(instructionsPerPoll: 1_000))
  #expect(lines.first == "one chunk")
  #expect(lines.count == 2)
  #expect(lines.last?.hasPrefix("error: line 3: this poll ran 1000 instructions") == true)
  #expect(lines.last?.hasSuffix("chunk stops here") == true)
}

@Test func theRunBudgetIsSharedByEveryTaskAndReportedOnce() throws {
  let (lines, end) = try printed(
    """
    async fn busy() {
        repeat 100 {
            work(1us)
        }
        print("busy done")
    }
    async fn main() {
        repeat 10 {
            spawn busy()
        }
        await sleep(10ms)
    }
    """, Limits(instructionsPerRun: 2_000))
  #expect(end.reason == .error)
  // Each busy task takes about 500 instructions: three finish, the fourth is stopped.
  #expect(lines.filter { $0 == "busy done" }.count == 3)
  let errors = lines.filter { $0.hasPrefix("error:") }
  #expect(errors.count == 1)
  #expect(errors.first?.contains("the run has executed 2000 instructions, its limit") == true)
}

@Test func printedLinesAndTextAreBoundedPerRun() throws {
  let loop = """
    async fn main() {
        repeat 1000 {
            print("0123456789")
        }
    }
    """
  let byLines = try printed(loop, Limits(outputLinesPerRun: 25)).lines
  #expect(byLines.count == 26)
  #expect(byLines.last?.contains("the run has printed 25 lines, its limit") == true)
  let byText = try printed(loop, Limits(textBytesPerRun: 95)).lines
  #expect(byText.count == 10)
  #expect(byText.last?.contains("the run has made 95 bytes of text, its limit") == true)
}

@Test func errorLinesStopAfterAHundred() throws {
  let (lines, _) = try printed(
    """
    async fn deep() {
        await deep()
    }
    async fn main() {
        repeat 500 {
            await deep()
        }
    }
    """, Limits(maxCallDepth: 3))
  #expect(lines.count == 101)
  #expect(lines.last == "error: 100 run-time errors were reported; later ones are not shown")
}

@Test func aSpawnPastTheTaskLimitStopsTheSpawner() throws {
  let (lines, end) = try printed(SharedSources.endlessSpawner, Limits(), options: RuntimeOptions(maxTasks: 8))
  #expect(end.reason == .error)
  #expect(
    lines == [
      "error: line 6: spawn refused: 8 tasks are alive, the limit (change it with --max-tasks); main stops here"
    ])
}
