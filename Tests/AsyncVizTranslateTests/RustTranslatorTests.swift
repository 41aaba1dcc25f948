import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Testing

@Suite struct RustTranslatorTests {
  func translate(_ text: String) throws -> String { try RustTranslator().translate(source: text) }

  @Test func selectIsBiasedAndTimeoutGivesNone() throws {
    let rust = try translate(TranslatorPrograms.selectAndTimeout)
    #expect(rust.contains("tokio::select! {\n        biased;"))
    #expect(
      rust.contains("_ = sleep(Duration::from_millis(50)) => Value::List(vec![Value::Int(1), Value::Unit]),"))
    #expect(
      rust.contains(
        "timeout(Duration::from_millis(30), slow_fetch(\"x\".to_string())).await.unwrap_or(Value::None)"))
    #expect(rust.contains("println!(\"{first} {late}\");"))
  }

  @Test func aFutureMadeEarlyIsMadeWhereTheProgramMakesIt() throws {
    let rust = try translate(
      """
      async fn main() {
          let s = sleep(20ms)
          let j = join(sleep(5ms), yield_now())
          await s
          await j
      }
      """)
    #expect(rust.contains("let s = unit(sleep(Duration::from_millis(20)));"))
    #expect(rust.contains("let (f0, f1,) = (sleep(Duration::from_millis(5)), yield_now(),);"))
  }

  @Test func namesRustReservesAreRenamedAndBracesEscaped() throws {
    let rust = try translate(
      """
      async fn main() {
          let type = 3
          print("{{literal}} {type}")
      }
      """)
    #expect(rust.contains("let type_ = Value::Int(3);"))
    #expect(rust.contains("println!(\"{{literal}} {type_}\");"))
  }

  @Test func recursionIsBoxed() throws {
    let rust = try translate(
      """
      async fn down(n) {
          if n != 0 {
              await down(0)
          }
      }
      async fn main() {
          await down(2)
      }
      """)
    #expect(rust.contains("Box::pin(down(Value::Int(0))).await;"))
  }

  @Test func parametersGetTheKindOfTheirArgumentsOrOfTheirUse() throws {
    let rust = try translate(
      """
      async fn never_called(f) {
          await f
      }
      async fn takes_handle(h, n) {
          await h
          print("{n}")
      }
      async fn main() {
          await takes_handle(spawn takes_handle(spawn sleep(1ms), 4), 3)
      }
      """)
    #expect(
      rust.contains("async fn never_called(f: impl Future<Output = Value> + Send + 'static) -> Value {"))
    #expect(rust.contains("async fn takes_handle(h: JoinHandle<Value>, n: Value) -> Value {"))
  }

  @Test func printingAFutureIsRefused() throws {
    #expect(throws: TranslationError.self) {
      try translate(
        """
        async fn f() {
        }
        async fn main() {
            let h = spawn f()
            print("{h}")
        }
        """)
    }
  }
}
