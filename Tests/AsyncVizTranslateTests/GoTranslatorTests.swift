import AsyncVizExamples
import AsyncVizLang
import AsyncVizTranslate
import Testing

@Suite struct GoTranslatorTests {
  func translate(_ text: String) throws -> String { try GoTranslator().translate(source: text) }

  @Test func selectStartsGoroutinesAndKeepsTheFirst() throws {
    let go = try translate(TranslatorPrograms.selectAndTimeout)
    #expect(
      go.contains(
        "c0, c1 := start(func() Value { return slowFetch(\"report\") }), start(func() Value { return sleep(50 * time.Millisecond) })"
      ))
    #expect(go.contains("\t\tcase v := <-c1:\n\t\t\treturn list(int64(1), v)"))
    #expect(go.contains("late := timeout(30 * time.Millisecond, func() Value { return slowFetch(\"x\") })"))
    #expect(go.contains("fmt.Println(show(first) + \" \" + show(late))"))
  }

  @Test func aFutureMadeEarlyIsAClosureCalledAtTheAwait() throws {
    let go = try translate(
      """
      async fn main() {
          let s = sleep(20ms)
          let h = spawn sleep(5ms)
          await s
          let j = join(h, yield_now())
      }
      """)
    #expect(go.contains("s := func() Value { return sleep(20 * time.Millisecond) }"))
    #expect(go.contains("\ts()\n"))
    #expect(
      go.contains("j := func() Value { return join(h.Wait, func() Value { return yieldNow() }) }\n\t_ = j"))
  }

  @Test func shadowingAndUnusedNamesCompileInGo() throws {
    let go = try translate(
      """
      channel jobs capacity 1
      async fn main() {
          let type = 1
          let type = "{type}!"
          for i in 0..2 {
              await jobs.send(i)
          }
          repeat 2 {
              let v = await jobs.recv()
          }
          print(type)
      }
      """)
    #expect(go.contains("type_ := int64(1)\n\ttype_2 := show(type_) + \"!\""))
    #expect(go.contains("for n := int64(0); n < int64(2); n++ {\n\t\ti := Value(n)\n\t\tsend(jobsCh, i)"))
    #expect(go.contains("v := <-jobsCh\n\t\t_ = v"))
    #expect(go.contains("fmt.Println(show(type_2))"))
  }
}
