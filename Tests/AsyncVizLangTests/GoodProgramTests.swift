import AsyncVizLang
import AsyncVizRuntime
import AsyncVizTrace
import Testing

@Test func everySyntacticFormParsesAndRuns() throws {
  let text = """
    // a comment in C++ style
    # and one in shell style
    async fn main() {   # main may come before the declarations it uses
        let n = -3
    \tlet label = "n is {n}, {{literal}} \\t tab"
        print(label)
        let r = await join(
            db.query("multi", "line",),   // arguments may span lines, trailing comma allowed
            sleep(200us),
        )
        print(r[0])
        if n == -3 {
            print("negative")
        }
        else if n == 0 {
            print("zero")
        } else {
        }
        let n = "shadowed"
        print(n)
        await helper()
        print(await (helper()))
    }

    resource db latency 1s
    channel unused capacity 1

    async fn helper() {
        return
    }
    """
  let (trace, end) = try runText(text)
  #expect(end.reason == .completed)
  #expect(
    trace.printedText == [
      "n is -3, {literal} \t tab", "db.query(multi, line)", "negative", "shadowed", "()",
    ])
  #expect(end.tUs == 1_000_000)
}

@Test func aMinimalProgramRunsOneTaskToCompletion() throws {
  let (trace, end) = try runText("async fn main() {}")
  #expect(end.reason == .completed)
  #expect(trace.tasks.map(\.name) == ["main"])
  #expect(end.steps == 1)
}

@Test func programNameComesFromTheFileName() throws {
  let program = try CompiledProgram.compile(
    SourceFile(name: "some/dir/my-prog.av", text: "async fn main() {}"))
  let runtime = program.makeRuntime(backend: SimBackend(), options: RuntimeOptions())
  #expect(runtime.trace.program.name == "my-prog")
  #expect(runtime.trace.program.source == "async fn main() {}")
  #expect(runtime.trace.program.backend == .sim)
  // main is spawned by makeRuntime, before the first step.
  #expect(runtime.trace.tasks.map(\.name) == ["main"])
  #expect(runtime.trace.events.map(\.payload.kindName) == ["spawn", "schedule"])
}

@Test func parametersTakeTheTypesOfTheirArguments() throws {
  // `run` is only ever given futures, so awaiting its parameter is fine.
  let (trace, end) = try runText(
    """
    resource db latency 5ms
    async fn run(f) {
        return await f
    }
    async fn main() {
        let a = await run(db.query(1))
        let b = await run(sleep(1ms))
        print("{a} {b}")
    }
    """)
  #expect(end.reason == .completed)
  #expect(trace.printedText == ["db.query(1) ()"])
}
