import AsyncVizTranslate
import Testing

/// What `BlockEmitter` writes the same way for Rust and Go from each
/// language's spellings, where no demo or generated program goes: an item of
/// a list (Rust reads the list in place, not a clone) and a plain call where a
/// value is expected (it runs, then gives ()).
@Test(arguments: [
  (
    RustTranslator() as any ProgramTranslator,
    ["let first = pair.item(0);", "let done = { println!(\"a\"); Value::Unit };"]
  ),
  (
    GoTranslator(),
    [
      "\tfirst := item(pair, 0)\n",
      "\tdone := func() Value {\n\t\tfmt.Println(\"a\")\n\t\treturn unit\n\t}()\n",
    ]
  ),
])
func anItemAndAPlainCallAsValues(translator: any ProgramTranslator, fragments: [String]) throws {
  let text = try translator.translate(
    source: """
      async fn main() {
          let pair = await join(sleep(1ms), yield_now())
          let first = pair[0]
          let done = print("a")
          print("{first} {done}")
      }
      """)
  for fragment in fragments { #expect(text.contains(fragment)) }
}
