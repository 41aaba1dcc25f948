import AsyncVizExamples
import AsyncVizTranslate
import Testing

/// The demos in each target language: every demo translates, with the frame
/// its runner relies on, and the headline demo reads as that language writes
/// it.
@Suite struct DemoTranslationTests {
  /// The entry function, and how the program reports its end or is started.
  @Test(arguments: DemoCatalog.all.map(\.name))
  func everyDemoTranslatesIntoEachLanguage(name: String) throws {
    let demo = try #require(DemoCatalog.named(name))

    let rust = try RustTranslator().translate(demo: name)
    #expect(rust.contains("async fn av_main() -> Value {"))
    // A program that blocks a thread cannot run on tokio's paused clock.
    let paused = rust.contains("#[tokio::main(flavor = \"current_thread\", start_paused = true)]")
    #expect(paused == !demo.source.contains("block("))

    let js = try NodeTranslator().translate(demo: name)
    #expect(js.contains("async function av_main() {"))
    #expect(js.hasSuffix("run(\"\(name)\", av_main, printNow);\n"))

    let go = try GoTranslator().translate(demo: name)
    #expect(go.hasPrefix("// \(name).av as a Go program"))
    #expect(go.contains("func avMain() Value {"))
    #expect(go.contains("fmt.Fprintf(os.Stderr, \"##oracle end %s %d\\n\", \"\(name)\""))
  }

  /// db-then-service's query, spawn, join and sleep-then-reply: rust reads
  /// like the article; node's spawn is a plain call (its async functions
  /// start at once); go's spawn is a goroutine and its await a plain call.
  @Test(arguments: [
    (
      RustTranslator() as any ProgramTranslator,
      [
        "let rows = db_query(format!(\"SELECT * FROM users WHERE id = {id}\")).await;",
        "let h1 = tokio::spawn(handler(Value::Int(1)));",
        "h1.await.unwrap();",
        "sleep(Duration::from_millis(40)).await;\n    reply(\"db\", \"query\", &request)",
      ]
    ),
    (
      NodeTranslator(),
      [
        "let rows = await db_query(`SELECT * FROM users WHERE id = ${show(id)}`);",
        "let h1 = handler(1);",
        "await h1;",
        "await sleep(40000);\n  return reply(\"db\", \"query\", text);",
      ]
    ),
    (
      GoTranslator(),
      [
        "rows := dbQuery(\"SELECT * FROM users WHERE id = \" + show(id))",
        "h1 := spawn(func() Value { return handler(int64(1)) })",
        "h1.Wait()",
        "time.Sleep(40 * time.Millisecond)\n\treturn reply(\"db\", \"query\", request)",
      ]
    ),
  ])
  func headlineDemoInEachLanguage(translator: any ProgramTranslator, fragments: [String]) throws {
    let text = try translator.translate(demo: "db-then-service")
    for fragment in fragments { #expect(text.contains(fragment)) }
  }
}
